import { launchFirefox } from './firefox';
import { defineJourney } from './suite';

defineJourney(launchFirefox);
