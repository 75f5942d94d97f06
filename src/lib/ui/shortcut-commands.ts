// The shortcuts that act on the page's cards and fields: a chunk of its own, fetched once the first
// screen is painted (or at the first such key), so that it is not part of the first download.

const CARD_LINK = 'main article.card h2 a';
/** The search page's field, else the header's (the header hides its own on the search page). */
const SEARCH_FIELD = 'form[role="search"] input[name="q"]';

function cardLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(CARD_LINK)];
}

function focusedCard(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('main article.card') : null;
}

/** Returns whether there was a card to move to (keys do their usual thing elsewhere). */
function moveFocus(step: 1 | -1): boolean {
  const links = cardLinks();
  if (links.length === 0) return false;
  const card = focusedCard();
  const current = card ? links.findIndex((link) => card.contains(link)) : -1;
  const next = current === -1 ? 0 : Math.min(links.length - 1, Math.max(0, current + step));
  const link = links[next];
  if (!link) return false;
  link.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  link.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'instant' : 'smooth' });
  return true;
}

function openFocused(): boolean {
  const link = focusedCard()?.querySelector<HTMLAnchorElement>('h2 a');
  link?.click();
  return link !== undefined && link !== null;
}

/** The focused card's button for `action`, else the page's own (the article page's tools). */
function actionButton(action: string): HTMLElement | null {
  const selector = `[data-action="${action}"]`;
  const card = focusedCard();
  if (card) return card.querySelector<HTMLElement>(selector);
  const buttons = [...document.querySelectorAll<HTMLElement>(`main ${selector}`)];
  return buttons.find((button) => button.closest('article.card') === null) ?? null;
}

/** Runs the command for `key`; returns whether there was something for it to act on. */
export function runCommand(key: string): boolean {
  switch (key) {
    case 'j':
      return moveFocus(1);
    case 'k':
      return moveFocus(-1);
    case 'o':
      return openFocused();
    case 'b':
    case 'm': {
      const button = actionButton(key === 'b' ? 'bookmark' : 'read');
      button?.click();
      return button !== null;
    }
    case '/': {
      const field = document.querySelector<HTMLInputElement>(SEARCH_FIELD);
      // On a phone the header's field is folded behind its button, which opens and focuses it.
      const opener = document.querySelector<HTMLButtonElement>('[data-action="open-search"]');
      if (field && opener && field.getClientRects().length === 0) {
        opener.click();
        return true;
      }
      field?.focus();
      field?.select();
      return field !== null;
    }
    default:
      return false;
  }
}
