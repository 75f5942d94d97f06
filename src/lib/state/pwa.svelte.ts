import {
  activateWaitingWorker,
  checkForWorkerUpdate,
  onWorkerLifecycle,
  type WorkerLifecycle,
} from '../sync/registration';
import { isIosSafari, isStandalone } from '../shell/platform';
import { syncStatus } from './sync-status.svelte';

const UPDATE_CHECK_MS = 60 * 60_000;
const IOS_HINT_KEY = 'folio:ios-install-hint-dismissed';

function iosHintDismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(IOS_HINT_KEY) === '1';
  } catch {
    return false; // storage blocked: the hint may come back next visit, which is harmless
  }
}

/**
 * The iOS install hint and moving to a new version, as the page sees them. Loaded after the first
 * paint; the install prompt, in the header from the start, is in ./install.svelte.ts.
 */
class PwaState {
  #iosHint = $state(false);
  #updateWaiting = $state(false);
  #readyOffline = $state(false);
  /** Reloading is only ever the reader's choice, and happens once: no reload loops. */
  #reloadRequested = false;
  #reloaded = false;

  /** iOS Safari has no install prompt: explain "Add to Home Screen" until dismissed. */
  get iosHint(): boolean {
    return this.#iosHint;
  }

  /** A new version is installed and waits for the reader's go-ahead. */
  get updateWaiting(): boolean {
    return this.#updateWaiting;
  }

  /** The first install finished: the app shell now opens with no network. */
  get readyOffline(): boolean {
    return this.#readyOffline;
  }

  /** Decides whether iOS Safari needs the "Add to Home Screen" hint. */
  startIosHint(): void {
    this.#iosHint = isIosSafari() && !isStandalone() && !iosHintDismissed();
  }

  dismissIosHint(): void {
    this.#iosHint = false;
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
    this.#updateWaiting = false;
  }

  dismissReadyOffline(): void {
    this.#readyOffline = false;
  }

  #onLifecycle(event: WorkerLifecycle): void {
    if (event === 'waiting') this.#updateWaiting = true;
    if (event === 'first-install') this.#readyOffline = true;
    if (event === 'controller-changed' && this.#reloadRequested) this.#reloadOnce();
  }

  #reloadOnce(): void {
    if (this.#reloaded) return;
    this.#reloaded = true;
    globalThis.location.reload();
  }
}

export const pwa = new PwaState();
