import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StatusLine from '../../src/components/StatusLine.svelte';
import { setSync } from './helpers';

const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StatusLine', () => {
  it('says when the articles were last updated', async () => {
    await setSync({ status: 'fresh', lastSuccessAt: minutesAgo(5) });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent('Up to date · updated 5 minutes ago');
  });

  it('shows progress while syncing', async () => {
    await setSync({ status: 'syncing', startedAt: Date.now(), progress: { done: 3, total: 8 } });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent('Saving articles: 3 of 8');
  });

  it('does not claim to be syncing for ever when the runner died', async () => {
    await setSync({ status: 'syncing', startedAt: minutesAgo(10), lastSuccessAt: minutesAgo(60) });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent('Up to date · updated 1 hour ago');
  });

  it('says offline with the time of the last saved articles', async () => {
    await setSync({ status: 'offline', lastSuccessAt: minutesAgo(120) });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Offline — showing articles saved 2 hours ago',
    );
  });

  it('says what went wrong, that nothing was lost, and retries on request', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    await setSync({
      status: 'error',
      lastSuccessAt: minutesAgo(1),
      error: { kind: 'not-json', file: 'index.json', message: 'index.json: not valid JSON (x)' },
    });
    render(StatusLine);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Could not update: index.json: not valid JSON (x) Your saved articles are still here.',
    );
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
