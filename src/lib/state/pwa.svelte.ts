import {
  activateWaitingWorker,
  checkForWorkerUpdate,
  onWorkerLifecycle,
  type WorkerLifecycle,
} from '../sync/client';
import { isIosSafari, isStandalone } from './platform';
import { syncStatus } from './sync-status.svelte';

const UPDATE_CHECK_MS = 60 * 60_000;
const IOS_HINT_KEY = 'folio:ios-install-hint-dismissed';

/** Chromium's install prompt; not in TypeScript's DOM lib. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

function isInstallPrompt(event: Event): event is BeforeInstallPromptEvent {
  return typeof (event as Partial<BeforeInstallPromptEvent>).prompt === 'function';
}

function iosHintDismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(IOS_HINT_KEY) === '1';
  } catch {
    return false; // storage blocked: the hint may come back next visit, which is harmless
  }
}

/** Installing the app, and moving to a new version of it, as the page sees them. */
class PwaState {
  /** The browser offered to install (Chromium's `beforeinstallprompt`). */
  canInstall = $state(false);
  /** iOS Safari has no install prompt: explain "Add to Home Screen" until dismissed. */
  iosHint = $state(false);
  /** A new version is installed and waits for the reader's go-ahead. */
  updateWaiting = $state(false);
  /** The first install finished: the app shell now opens with no network. */
  readyOffline = $state(false);

  #deferredPrompt: BeforeInstallPromptEvent | null = null;
  /** Reloading is only ever the reader's choice, and happens once: no reload loops. */
  #reloadRequested = false;
  #reloaded = false;

  /** Listens for the install prompt; returns the clean-up, for an `$effect`. */
  startInstall(): () => void {
    const onPrompt = (event: Event) => {
      if (!isInstallPrompt(event)) return;
      // Kept for our own button instead of the browser's mini-infobar.
      event.preventDefault();
      this.#deferredPrompt = event;
      this.canInstall = true;
    };
    const onInstalled = () => this.#forgetPrompt();
    globalThis.addEventListener('beforeinstallprompt', onPrompt);
    globalThis.addEventListener('appinstalled', onInstalled);
    return () => {
      globalThis.removeEventListener('beforeinstallprompt', onPrompt);
      globalThis.removeEventListener('appinstalled', onInstalled);
    };
  }

  async install(): Promise<void> {
    const prompt = this.#deferredPrompt;
    if (!prompt) return;
    // A prompt event can be shown only once.
    this.#deferredPrompt = null;
    await prompt.prompt();
    await prompt.userChoice;
    this.#forgetPrompt();
  }

  /** Decides whether iOS Safari needs the "Add to Home Screen" hint. */
  startIosHint(): void {
    this.iosHint = isIosSafari() && !isStandalone() && !iosHintDismissed();
  }

  dismissIosHint(): void {
    this.iosHint = false;
    try {
      globalThis.localStorage?.setItem(IOS_HINT_KEY, '1');
    } catch {
      // storage blocked: hidden for this visit only
    }
  }

  /** Follows the worker's lifecycle and checks for a new version hourly; returns the clean-up. */
  startUpdates(): () => void {
    const unsubscribe = onWorkerLifecycle((event) => this.#onLifecycle(event));
    const timer = setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }

  /** Fetches the worker script again, unless offline (a failed sync counts as offline). */
  async checkForUpdate(): Promise<void> {
    if (globalThis.navigator?.onLine === false || syncStatus.status === 'offline') return;
    try {
      await checkForWorkerUpdate();
    } catch {
      // The network failed after all: the next hourly check tries again.
    }
  }

  /** The reader asked for the new version: activate it, and reload once it controls the page. */
  applyUpdate(): void {
    this.#reloadRequested = true;
    // None waiting means another tab activated it already: this page only needs the reload.
    if (!activateWaitingWorker()) this.#reloadOnce();
  }

  dismissUpdate(): void {
    this.updateWaiting = false;
  }

  dismissReadyOffline(): void {
    this.readyOffline = false;
  }

  #onLifecycle(event: WorkerLifecycle): void {
    if (event === 'waiting') this.updateWaiting = true;
    if (event === 'first-install') this.readyOffline = true;
    if (event === 'controller-changed' && this.#reloadRequested) this.#reloadOnce();
  }

  #reloadOnce(): void {
    if (this.#reloaded) return;
    this.#reloaded = true;
    globalThis.location.reload();
  }

  #forgetPrompt(): void {
    this.#deferredPrompt = null;
    this.canInstall = false;
  }
}

export const pwa = new PwaState();
