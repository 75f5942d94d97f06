import { launchChromium } from './chromium';
import { defineJourney } from './suite';

defineJourney(launchChromium);
