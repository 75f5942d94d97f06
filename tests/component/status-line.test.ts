import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StatusLine from '../../src/components/shell/StatusLine.svelte';
import { loadMessages } from '../../src/lib/i18n/catalog';
import { locale } from '../../src/lib/state/locale.svelte';
import { setSync } from './helpers';

/** Tuesday 3 March 2026, 14:40, local time: the tests' "now". */
const NOW = new Date(2026, 2, 3, 14, 40);
const at = (day: number, hours: number, minutes: number, month = 2, year = 2026) =>
  new Date(year, month, day, hours, minutes).getTime();

/** Only the clock and the status line's minute timer are fake: IndexedDB keeps its own timers. */
function fakeClock(now: Date = NOW): void {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(now);
}

/** What the device says of its network (jsdom says online). */
function deviceOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

const statusText = () => screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  await Promise.all([loadMessages('es'), loadMessages('fa')]);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  locale.followFeed();
});

describe('StatusLine', () => {
  it("says today's update by its clock time, in a <time> element", async () => {
    fakeClock();
    const updated = at(3, 14, 32);
    await setSync({ status: 'fresh', lastSuccessAt: updated });
    render(StatusLine);
    expect(statusText()).toBe('Up to date · updated 2:32 PM');
    const time = within(screen.getByRole('status')).getByText('2:32 PM');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', new Date(updated).toISOString());
  });

  it('says "yesterday" with the time, the weekday within the week, the date before', async () => {
    fakeClock();
    await setSync({ status: 'fresh', lastSuccessAt: at(2, 18, 5) });
    const { unmount } = render(StatusLine);
    expect(statusText()).toBe('Up to date · updated yesterday 6:05 PM');
    unmount();

    await setSync({ status: 'fresh', lastSuccessAt: at(26, 9, 10, 1) });
    const weekday = render(StatusLine);
    expect(statusText()).toBe('Up to date · updated Thu 9:10 AM');
    weekday.unmount();

    await setSync({ status: 'fresh', lastSuccessAt: at(14, 18, 5, 0) });
    const thisYear = render(StatusLine);
    expect(statusText()).toBe('Up to date · updated Jan 14, 6:05 PM');
    thisYear.unmount();

    await setSync({ status: 'fresh', lastSuccessAt: at(3, 18, 5, 11, 2025) });
    render(StatusLine);
    expect(statusText()).toBe('Up to date · updated Dec 3, 2025, 6:05 PM');
  });

  it('keeps the wording true as time passes: today becomes "yesterday" after midnight', async () => {
    fakeClock(new Date(2026, 2, 3, 23, 59, 30));
    await setSync({ status: 'fresh', lastSuccessAt: at(3, 23, 50) });
    render(StatusLine);
    expect(statusText()).toBe('Up to date · updated 11:50 PM');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statusText()).toBe('Up to date · updated yesterday 11:50 PM');
  });

  it('stops its clock when it is removed', async () => {
    fakeClock();
    await setSync({ status: 'fresh', lastSuccessAt: at(3, 14, 32) });
    const { unmount } = render(StatusLine);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('speaks Spanish and Persian, in their own digits and calendar', async () => {
    fakeClock();
    await setSync({ status: 'fresh', lastSuccessAt: at(2, 18, 5) });
    locale.choose('es');
    const spanish = render(StatusLine);
    expect(statusText()).toBe('Al día · actualizado ayer 18:05');
    spanish.unmount();

    locale.choose('fa');
    const persian = render(StatusLine);
    expect(statusText()).toBe('به‌روز · آخرین به‌روزرسانی دیروز ۱۸:۰۵');
    persian.unmount();

    // 14 January 2026 is 24 Dey 1404 in the Persian calendar.
    await setSync({ status: 'offline', lastSuccessAt: at(14, 18, 5, 0) });
    deviceOnline(false);
    render(StatusLine);
    expect(statusText()).toBe('آفلاین — نمایش مطالب ذخیره‌شده ۲۴ دی، ۱۸:۰۵');
  });

  it('shows progress while syncing', async () => {
    await setSync({ status: 'syncing', startedAt: Date.now(), progress: { done: 3, total: 8 } });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent('Saving articles: 3 of 8');
  });

  it('does not claim to be syncing for ever when the runner died', async () => {
    fakeClock();
    await setSync({ status: 'syncing', startedAt: at(3, 14, 30), lastSuccessAt: at(3, 13, 40) });
    render(StatusLine);
    expect(statusText()).toBe('Up to date · updated 1:40 PM');
  });

  it('says offline with the time of the last saved articles, and offers nothing to do', async () => {
    fakeClock();
    deviceOnline(false);
    await setSync({ status: 'offline', lastSuccessAt: at(2, 18, 5) });
    render(StatusLine);
    expect(statusText()).toBe('Offline — showing articles saved yesterday 6:05 PM');
    // Retrying cannot help without a network; the app syncs by itself once it is back.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers "Try again" when the feed could not be reached though the device is online', async () => {
    deviceOnline(true);
    await setSync({ status: 'offline', lastSuccessAt: Date.now() });
    render(StatusLine);
    const button = screen.getByRole('button', { name: 'Try again' });

    // The device loses its network: the button goes, and comes back with the network.
    deviceOnline(false);
    window.dispatchEvent(new Event('offline'));
    await vi.waitFor(() => expect(button).not.toBeInTheDocument());
    deviceOnline(true);
    window.dispatchEvent(new Event('online'));
    await screen.findByRole('button', { name: 'Try again' });
  });

  it('says offline before anything was saved', async () => {
    deviceOnline(false);
    await setSync({ status: 'offline', lastSuccessAt: null });
    render(StatusLine);
    expect(statusText()).toBe('Offline — nothing saved yet');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says what went wrong, that nothing was lost, and retries on request', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    deviceOnline(false);
    await setSync({
      status: 'error',
      lastSuccessAt: Date.now() - 60_000,
      error: { kind: 'not-json', file: 'index.json', message: 'index.json: not valid JSON (x)' },
    });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Could not update: index.json: not valid JSON (x) Your saved articles are still here.',
    );
    // An error is the feed's, not the network's: retrying is worth it, whatever the device says.
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls[0]?.at(0)).toBe('http://localhost:3000/content/index.json');
  });

  it('lists skipped articles with their file and field', async () => {
    await setSync({
      status: 'fresh',
      lastSuccessAt: Date.now(),
      problems: [
        { kind: 'http', file: 'articles/a.json', message: 'articles/a.json: HTTP 404' },
        {
          kind: 'invalid',
          file: 'index.json',
          field: 'articles[3].translations.fr',
          message: 'index.json: articles[3].translations.fr: language "fr" is not declared',
        },
      ],
    });
    render(StatusLine);
    const details = screen.getByText('2 articles could not be loaded').closest('details');
    expect(details).not.toBeNull();
    const items = within(details as HTMLElement).getAllByRole('listitem', { hidden: true });
    expect(items.map((item) => item.textContent)).toEqual([
      'articles/a.json: HTTP 404',
      'index.json: articles[3].translations.fr: language "fr" is not declared',
    ]);
  });
});
