import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

// The platform edge: workbox-window's Workbox stands in for the browser's service worker API.
const edge = vi.hoisted(() => {
  class FakeWorker {
    postMessage = vi.fn();
  }
  class FakeWorkbox extends EventTarget {
    static last: FakeWorkbox | undefined;
    registration = { waiting: null as FakeWorker | null };
    update = vi.fn(async () => undefined);
    constructor() {
      super();
      FakeWorkbox.last = this;
    }
    async register() {
      return this.registration;
    }
    /** Fires a workbox-window event with its properties. */
    fire(type: string, props: Record<string, unknown> = {}) {
      this.dispatchEvent(Object.assign(new Event(type), props));
    }
  }
  return { FakeWorker, FakeWorkbox };
});
vi.mock('workbox-window', () => ({ Workbox: edge.FakeWorkbox }));

const reload = vi.fn();
let unmountPage: (() => void) | undefined;

/** A fresh page: new state singletons, the toast mounted, then the worker registered. */
async function openPage() {
  unmountPage?.();
  vi.resetModules();
  // Svelte's runtime is reset with the modules: render (and clean up) with the same fresh copy.
  const { cleanup, render } = await import('@testing-library/svelte');
  unmountPage = cleanup;
  // Fresh modules: the views' English strings come as App.svelte brings them with the toast.
  await (await import('../../src/lib/i18n/catalog')).loadPageMessages();
  const { default: UpdateToast } = await import('../../src/components/shell/UpdateToast.svelte');
  const { registerWorker } = await import('../../src/lib/sync/registration');
  render(UpdateToast);
  await registerWorker();
  const workbox = edge.FakeWorkbox.last;
  if (!workbox) throw new Error('no Workbox was created');
  return workbox;
}

beforeEach(() => {
  vi.stubEnv('PROD', true);
  vi.stubGlobal('location', { ...window.location, reload });
  reload.mockClear();
  // Registration is all these tests need of the container; `ready` never settles here.
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: null, ready: new Promise(() => {}) },
  });
});

afterEach(async () => {
  unmountPage?.();
  unmountPage = undefined;
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
  Reflect.deleteProperty(navigator, 'onLine');
  const { closeDb } = await import('../../src/lib/db');
  await closeDb();
});

describe('UpdateToast', () => {
  it('says a new version is available, and Reload asks the waiting worker to take over', async () => {
    const workbox = await openPage();
    const waiting = new edge.FakeWorker();
    workbox.registration.waiting = waiting;
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    workbox.fire('waiting', { sw: waiting });
    const toast = await screen.findByText('New version available');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' });
    // Not before the new worker controls the page: the reload would get the old version.
    expect(reload).not.toHaveBeenCalled();
    workbox.fire('controlling', { isUpdate: true });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads only when the reader asked, and only once', async () => {
    const workbox = await openPage();
    const waiting = new edge.FakeWorker();
    workbox.registration.waiting = waiting;
    workbox.fire('waiting', { sw: waiting });
    await screen.findByText('New version available');

    // Another tab took the new version: this page is not reloaded under the reader.
    workbox.fire('controlling', { isUpdate: true, isExternal: true });
    expect(reload).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    workbox.fire('controlling', { isUpdate: true });
    workbox.fire('controlling', { isUpdate: true });
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when no worker waits any more (another tab activated it)', async () => {
    const workbox = await openPage();
    workbox.fire('waiting', {});
    await userEvent.click(await screen.findByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('can be dismissed without reloading', async () => {
    const workbox = await openPage();
    workbox.fire('waiting', {});
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('New version available')).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });

  it('says "Ready to read offline" after the first install only', async () => {
    const update = await openPage();
    update.fire('installed', { isUpdate: true });
    update.fire('installed', { isExternal: true });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    const first = await openPage();
    first.fire('installed', { isUpdate: undefined, isExternal: false });
    const statuses = await screen.findAllByText('Ready to read offline');
    expect(statuses).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Ready to read offline')).toBeNull();
  });

  it('checks for a new version every hour, but not while offline', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const workbox = await openPage();
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(workbox.update).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workbox.update).toHaveBeenCalledTimes(1);

    Object.defineProperty(navigator, 'onLine', { configurable: true, value: false });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(workbox.update).toHaveBeenCalledTimes(1);
  });

  it('counts a failed sync as offline, and survives a failing check', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const workbox = await openPage();
    workbox.update.mockRejectedValueOnce(new TypeError('Failed to update a ServiceWorker'));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(workbox.update).toHaveBeenCalledTimes(1);

    const db = await import('../../src/lib/db');
    const { syncStatus } = await import('../../src/lib/state/sync-status.svelte');
    await db.putSyncRecord(await db.getDb(), { ...db.EMPTY_SYNC, status: 'offline' });
    await syncStatus.refresh();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(workbox.update).toHaveBeenCalledTimes(1);
  });
});
