import { afterNextPaint } from '../ui/after-paint';

// Start-up work that nothing on the first screen needs (registering the service worker, the
// comment outbox, the update toast, the shortcut help, the iOS hint) waits until the first
// screen's content is painted, so that it never competes with that paint on a slow phone.

/** Other routes than Home do not say when they are painted: start-up carries on after this. */
const FALLBACK_MS = 800;

let release: () => void = () => {};
/** Resolves once the first screen's content is painted, or after FALLBACK_MS. */
export const firstContentPainted = new Promise<void>((resolve) => {
  release = resolve;
});
setTimeout(() => release(), FALLBACK_MS);

/** Called by Home when its first content (headlines, or the empty state) is in the document. */
export function contentShown(): void {
  void afterNextPaint().then(release);
}
