/** Chromium's install prompt; not in TypeScript's DOM lib. The header's Install button uses it. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

function isInstallPrompt(event: Event): event is BeforeInstallPromptEvent {
  return typeof (event as Partial<BeforeInstallPromptEvent>).prompt === 'function';
}

/** Installing the app where the browser offers it. */
class InstallState {
  #canInstall = $state(false);
  #deferredPrompt: BeforeInstallPromptEvent | null = null;

  /** The browser offered to install (Chromium's `beforeinstallprompt`). */
  get canInstall(): boolean {
    return this.#canInstall;
  }

  /** Listens for the install prompt; returns the clean-up, for an `$effect`. */
  startInstall(): () => void {
    const onPrompt = (event: Event) => {
      if (!isInstallPrompt(event)) return;
      // Kept for our own button instead of the browser's mini-infobar.
      event.preventDefault();
      this.#deferredPrompt = event;
      this.#canInstall = true;
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

  #forgetPrompt(): void {
    this.#deferredPrompt = null;
    this.#canInstall = false;
  }
}

export const installer = new InstallState();
