/** Safari on iOS/iPadOS: the one browser that installs from its Share menu, with no prompt. */
export function isIosSafari(nav: Navigator | undefined = globalThis.navigator): boolean {
  if (!nav) return false;
  const ua = nav.userAgent;
  // iPadOS asks for the desktop site by default and then reports itself as a Mac with touch.
  const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && nav.maxTouchPoints > 1);
  // Other iOS browsers and in-app views add their own token (or drop "Safari").
  const safari = /Safari\//.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\/|DuckDuckGo/.test(ua);
  return ios && safari;
}

/** Opened from the home screen (iOS's own flag, or the standard display mode). */
export function isStandalone(): boolean {
  const iosStandalone = (globalThis.navigator as { standalone?: boolean } | undefined)?.standalone;
  if (iosStandalone === true) return true;
  return globalThis.matchMedia?.('(display-mode: standalone)').matches ?? false;
}
