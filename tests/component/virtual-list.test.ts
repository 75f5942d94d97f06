import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import App from '../../src/App.svelte';
import { olderPages } from '../../src/lib/state/older-pages.svelte';
import { indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

const COUNT = 1_000;
/**
 * What a reader's device can hold without slowing down: a window of cards, not the list. Not the
 * list's own tuning (that is the bench's to judge, figures 4d and 4e), only "a small part".
 */
const BOUNDED = COUNT / 10;

// a0000 is the oldest; one hour apart, newest first in the feed.
const id = (i: number) => `a${String(i).padStart(4, '0')}`;
function manySummaries(count: number) {
  const newest = Date.parse('2026-11-01T00:00:00Z');
  return Array.from({ length: count }, (_, k) => {
    const i = count - 1 - k;
    const at = new Date(newest - k * 3600_000).toISOString();
    return summary(id(i), {
      published: at,
      updated: at,
      categories: i % 2 === 0 ? ['political'] : ['top-news'],
    });
  });
}

// jsdom has no layout: the page's scroll position is simulated where the list reads it, the
// feed's bounding box (every card then counts at the list's estimated size).
let scrollTop = 0;
const realRect = Element.prototype.getBoundingClientRect;

beforeAll(() => import('../../src/routes/Home.svelte'), 30_000);

beforeEach(() => {
  scrollTop = 0;
  Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
    configurable: true,
    value: function (this: Element) {
      if (this.getAttribute('role') !== 'feed') return realRect.call(this);
      return {
        x: 0,
        y: -scrollTop,
        top: -scrollTop,
        left: 0,
        right: 800,
        bottom: 0,
        width: 800,
        height: 0,
      };
    },
  });
});

afterEach(() => {
  Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
    configurable: true,
    value: realRect,
  });
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  vi.restoreAllMocks();
});

const cards = () => document.querySelectorAll('main article.card');
/** Role queries are slow over many cards in jsdom: headlines are read directly. */
const headlines = () =>
  [...document.querySelectorAll('main article.card h2 a')].map((link) => link.textContent);
const listed = (title: string) => headlines().includes(title);
/** Where each rendered card sits in the whole list, as it tells assistive technology. */
const positions = () => [...cards()].map((card) => Number(card.getAttribute('aria-posinset')));
/** The rendered cards are one run of the list, in its order: no card missing in between. */
function expectOneRun(): void {
  const at = positions();
  expect(at.length).toBeGreaterThan(0);
  expect(at).toEqual(at.map((_, k) => (at[0] ?? 0) + k));
}
const settle = async () => {
  await tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await tick();
};

async function scrollTo(top: number): Promise<void> {
  scrollTop = top;
  window.dispatchEvent(new Event('scroll'));
  await settle();
}

async function showMany(): Promise<void> {
  await seed(indexPage(manySummaries(COUNT)));
  goTo('/');
  render(App);
  await screen.findByRole('link', { name: `Title ${id(COUNT - 1)}` });
}

describe('windowed list', { timeout: 60_000 }, () => {
  it('scrolls through 1,000 saved articles rendering a bounded window of cards', async () => {
    await showMany();
    const feed = screen.getByRole('feed', { name: 'Latest articles' });
    // The first screen: the newest articles, in order, more than a phone's screen of them.
    await waitFor(() => expect(cards().length).toBeGreaterThanOrEqual(20));
    expect(positions()[0]).toBe(1);
    expectOneRun();
    expect(cards().length).toBeLessThan(BOUNDED);

    let most = 0;
    const last = `Title ${id(0)}`;
    for (let step = 0; step < 400 && !listed(last); step++) {
      await scrollTo(scrollTop + 6_000);
      most = Math.max(most, cards().length);
      // Wherever the reader is, the cards there are rendered as one run, and only a window.
      expectOneRun();
      expect(cards().length).toBeLessThan(BOUNDED);
    }
    // The end is reachable.
    expect(screen.getByRole('link', { name: last })).toBeInTheDocument();
    expect(most).toBeGreaterThanOrEqual(20);
    // The first cards left the document; the cards say where they are in the whole list.
    expect(screen.queryByRole('link', { name: `Title ${id(COUNT - 1)}` })).toBeNull();
    const lastCard = screen.getByRole('link', { name: last }).closest('article');
    expect(lastCard).toHaveAttribute('aria-posinset', String(COUNT));
    await waitFor(() => expect(lastCard).toHaveAttribute('aria-setsize', String(COUNT)));
    expect(feed).toHaveAttribute('aria-busy', 'false');

    // Back to the top: the newest are rendered again.
    await scrollTo(0);
    expect(await screen.findByRole('link', { name: `Title ${id(COUNT - 1)}` })).toBeInTheDocument();
    expect(positions()[0]).toBe(1);
    expectOneRun();
    expect(cards().length).toBeLessThan(BOUNDED);
  });

  it('asks for older pages once when the reader scrolls to the end of what is saved', async () => {
    let hasMore = false;
    vi.spyOn(olderPages, 'hasMore', 'get').mockImplementation(() => hasMore);
    const load = vi.spyOn(olderPages, 'load').mockResolvedValue();
    await showMany();
    // Not while the feed says there is nothing older.
    for (let step = 0; step < 400 && !listed(`Title ${id(0)}`); step++) {
      await scrollTo(scrollTop + 6_000);
    }
    await scrollTo(scrollTop + 100);
    expect(load).not.toHaveBeenCalled();

    hasMore = true;
    await scrollTo(scrollTop + 100);
    await scrollTo(scrollTop + 100);
    await scrollTo(scrollTop - 50);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the focused card when it scrolls out, and j/k still move between cards', async () => {
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value: () => {},
    });
    await showMany();
    const user = userEvent.setup();
    const first = screen.getByRole('link', { name: `Title ${id(COUNT - 1)}` });
    // The shortcuts load after the first paint.
    await waitFor(async () => {
      await user.keyboard('j');
      expect(first).toHaveFocus();
    });
    await user.keyboard('j');
    const second = screen.getByRole('link', { name: `Title ${id(COUNT - 2)}` });
    expect(second).toHaveFocus();

    await scrollTo(60_000);
    expect(second).toHaveFocus();
    expect(second.isConnected).toBe(true);
    // Far down the list, the cards there are shown; the focused one stays besides them.
    expect(positions()).toContain(2);
    expect(Math.max(...positions())).toBeGreaterThan(100);
    expect(cards().length).toBeLessThan(BOUNDED);

    await scrollTo(0);
    expect(second).toHaveFocus();
    await user.keyboard('k');
    // The first card was rendered anew when the window came back to it.
    expect(screen.getByRole('link', { name: `Title ${id(COUNT - 1)}` })).toHaveFocus();
  });
});
