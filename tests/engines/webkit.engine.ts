import { launchWebKit } from './webkit';
import { defineJourney } from './suite';

defineJourney(launchWebKit);
