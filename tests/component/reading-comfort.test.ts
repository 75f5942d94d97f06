import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

// jsdom does no layout: the page's scroll geometry is the platform edge, stubbed here. The page
// is 3000 px tall in a 1000 px window, so it scrolls over 2000 px.
const PAGE_HEIGHT = 3000;
const WINDOW_HEIGHT = 1000;
let scrollTop = 0;
const originalScrollTo = window.scrollTo;

/** As in a browser, the position changes at once and the scroll event follows at the next frame. */
function scrollPage(top: number): void {
  scrollTop = top;
  requestAnimationFrame(() => window.dispatchEvent(new Event('scroll')));
}

beforeEach(() => {
  localStorage.clear();
  scrollTop = 0;
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    configurable: true,
    get: () => PAGE_HEIGHT,
  });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: WINDOW_HEIGHT });
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollTop });
  window.scrollTo = ((options?: ScrollToOptions | number, y?: number) => {
    scrollPage(typeof options === 'number' ? (y ?? 0) : (options?.top ?? 0));
  }) as typeof window.scrollTo;
});

afterEach(() => {
  Reflect.deleteProperty(document.documentElement, 'scrollHeight');
  Reflect.deleteProperty(window, 'innerHeight');
  Reflect.deleteProperty(window, 'scrollY');
  window.scrollTo = originalScrollTo;
  localStorage.clear();
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function seedTwo(): Promise<void> {
  await seed(indexPage([summary('one'), summary('two')]), [articleFile('one'), articleFile('two')]);
}

async function showArticle(title: string): Promise<void> {
  await screen.findByText(`Body of ${title.replace('Title ', '')}`);
  await nextFrame();
  await nextFrame();
}

describe('Reading progress', () => {
  it('is a decorative bar that fills as the reader scrolls', async () => {
    await seedTwo();
    goTo('/article/one');
    const { container } = render(App);
    await showArticle('Title one');
    const track = container.querySelector('.reading-progress');
    const bar = track?.querySelector('div');
    expect(track).toHaveAttribute('aria-hidden', 'true');
    expect(bar?.getAttribute('style')).toMatch(/inline-size:\s*0%/);

    scrollPage(1000);
    await waitFor(() => expect(bar?.getAttribute('style')).toMatch(/inline-size:\s*50%/));
    scrollPage(2000);
    await waitFor(() => expect(bar?.getAttribute('style')).toMatch(/inline-size:\s*100%/));
  });
});

describe('Reading position', () => {
  it('is restored after going elsewhere and coming back; a new article starts at the top', async () => {
    await seedTwo();
    goTo('/article/one');
    render(App);
    await showArticle('Title one');
    expect(scrollTop).toBe(0);
    scrollPage(1500);
    await nextFrame();

    goTo('/');
    await screen.findByRole('heading', { level: 1, name: 'Latest articles' });
    scrollPage(400);

    goTo('/article/two');
    await showArticle('Title two');
    expect(scrollTop).toBe(0);

    goTo('/article/one');
    await showArticle('Title one');
    await waitFor(() => expect(scrollTop).toBe(1500));
  });

  it('survives a reload of the app', async () => {
    await seedTwo();
    goTo('/article/two');
    const first = render(App);
    await showArticle('Title two');
    scrollPage(500);
    await nextFrame();
    first.unmount();

    scrollPage(0);
    render(App);
    await showArticle('Title two');
    await waitFor(() => expect(scrollTop).toBe(500));
  });
});
