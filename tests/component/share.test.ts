import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

// navigator.share and navigator.clipboard are the platform edge: stubbed per test, removed after.
function stubNavigator(name: 'share' | 'clipboard', value: unknown): void {
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(navigator, 'clipboard');
});

async function openArticle(): Promise<HTMLElement> {
  await seed(indexPage([summary('one')]), [articleFile('one')]);
  goTo('/article/one');
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Title one' });
  return screen.getByRole('button', { name: 'Share' });
}

describe('Share button', () => {
  it('opens the system share sheet with the title and the link', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator('share', share);
    stubNavigator('clipboard', { writeText });
    await fireEvent.click(await openArticle());
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    expect(share).toHaveBeenCalledWith({ title: 'Title one', url: location.href });
    expect(location.pathname).toBe('/article/one');
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.queryByText('Link copied')).toBeNull();
  });

  it('copies the link and says so where there is no share sheet', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator('clipboard', { writeText });
    const button = await openArticle();
    await fireEvent.click(button);
    expect(await screen.findByText('Link copied')).toHaveAttribute('role', 'status');
    expect(writeText).toHaveBeenCalledWith(location.href);
    expect(location.href).toMatch(/\/article\/one$/);
  });

  it('says when the link could not be copied', async () => {
    stubNavigator('clipboard', { writeText: vi.fn().mockRejectedValue(new Error('denied')) });
    await fireEvent.click(await openArticle());
    expect(await screen.findByText('The link could not be copied.')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('does nothing more when the reader cancels the share sheet', async () => {
    const share = vi.fn().mockRejectedValue(new DOMException('cancelled', 'AbortError'));
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator('share', share);
    stubNavigator('clipboard', { writeText });
    await fireEvent.click(await openArticle());
    await waitFor(() => expect(share).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.queryByText('Link copied')).toBeNull();
  });

  it('copies the link when sharing fails for another reason', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubNavigator('share', vi.fn().mockRejectedValue(new DOMException('no', 'NotAllowedError')));
    stubNavigator('clipboard', { writeText });
    await fireEvent.click(await openArticle());
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(location.href);
  });
});
