// Keyboard shortcuts for reading without a mouse: j/k move between the cards of a list, o opens
// the focused card, b bookmarks, m marks read or unread, / goes to the search field, ? shows the help. Enter on a focused
// title link opens it natively.

export interface ShortcutActions {
  showHelp: () => void;
}

/** Keys typed into a field are text, never commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
    null
  );
}

type Commands = typeof import('./shortcut-commands');
let commands: Commands | null = null;
let loading: Promise<Commands> | null = null;

/** The card and field commands, fetched once; `installShortcuts` asks for them early. */
function loadCommands(): Promise<Commands> {
  loading ??= import('./shortcut-commands').then((module) => (commands = module));
  return loading;
}

/** The keys of the commands in shortcut-commands.ts. */
const COMMAND_KEYS = new Set(['j', 'k', 'o', 'b', 'm', '/']);

/** Runs the shortcut for `event`, if it is one; returns whether it did. */
export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTyping(event.target)) return false;
  // While a modal dialog (e.g. this help) is open, the page behind it takes no commands.
  if (document.querySelector('dialog[open]')) return false;
  if (event.key === '?') {
    actions.showHelp();
    return true;
  }
  if (commands) return commands.runCommand(event.key);
  if (!COMMAND_KEYS.has(event.key)) return false;
  // A key pressed before the commands arrived: run once they are in, in the order pressed.
  const key = event.key;
  void loadCommands().then((module) => module.runCommand(key));
  return true;
}

/**
 * Listens for the shortcuts on the whole document; returns the function that stops them.
 * The commands' chunk is fetched once `ready` resolves (the first screen painted).
 */
export function installShortcuts(actions: ShortcutActions, ready: Promise<unknown>): () => void {
  void ready.then(loadCommands);
  const onKeydown = (event: KeyboardEvent): void => {
    if (handleShortcut(event, actions)) event.preventDefault();
  };
  document.addEventListener('keydown', onKeydown);
  return () => document.removeEventListener('keydown', onKeydown);
}
