// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASSET_CACHE, assetFiles, cacheAssets, dropOldAssets } from '../../../src/lib/sync/assets';

const SCOPE = 'https://reader.example/app/';

/** A CacheStorage with one cache, in memory: the service worker's platform edge. */
function fakeCaches() {
  const entries = new Map<string, Response>();
  const cache = {
    match: async (url: string | Request) => entries.get(typeof url === 'string' ? url : url.url),
    put: async (url: string, response: Response) => void entries.set(url, response),
    addAll: async (urls: string[]) => {
      for (const url of urls) {
        const response = await fetch(url);
        if (!response.ok) throw new TypeError(`${url}: ${response.status}`);
        entries.set(url, response);
      }
    },
    keys: async () => [...entries.keys()].map((url) => new Request(url)),
    delete: async (request: Request) => entries.delete(request.url),
  };
  const open = vi.fn(async (name: string) => {
    expect(name).toBe(ASSET_CACHE);
    return cache;
  });
  vi.stubGlobal('caches', { open });
  return entries;
}

function serve(files: Record<string, string>) {
  const fetch = vi.fn(async (input: string | URL) => {
    const path = new URL(String(input)).pathname.replace('/app/', '');
    const body = files[path];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const manifest = (files: string[]) =>
  JSON.stringify(
    Object.fromEntries(
      files.map((file, index) => [`chunk${index}`, { file, css: [file.replace('.js', '.css')] }]),
    ),
  );

afterEach(() => vi.unstubAllGlobals());

describe('assetFiles', () => {
  it("lists every chunk's file and stylesheets, and refuses what is no manifest", () => {
    expect(
      assetFiles({
        'src/main.ts': { file: 'assets/index-1.js', css: ['assets/index-1.css'] },
        'index.html': { file: 'index.html' },
        _shared: { file: 'assets/shared-2.js', css: 'not a list' },
      }),
    ).toEqual(['assets/index-1.js', 'assets/index-1.css', 'assets/shared-2.js']);
    expect(() => assetFiles(null)).toThrow(/asset-manifest\.json/);
  });

  it('lists the files a chunk loads by URL, such as the search worker', () => {
    expect(
      assetFiles({
        'src/routes/SearchPage.svelte': {
          file: 'assets/SearchPage-3.js',
          assets: ['assets/search.worker-4.js', 'https://elsewhere.example/x.js'],
        },
      }),
    ).toEqual(['assets/SearchPage-3.js', 'assets/search.worker-4.js']);
  });
});

describe('cacheAssets and dropOldAssets', () => {
  it('caches the chunks the precache lacks, and later drops those no version uses', async () => {
    const entries = fakeCaches();
    const v1 = ['assets/a-1.js', 'assets/b-1.js'];
    serve({
      'asset-manifest.json': manifest(v1),
      'assets/a-1.js': 'a',
      'assets/b-1.js': 'b',
      'assets/b-1.css': 'b',
    });
    // a-1.js and its stylesheet are precached already.
    await cacheAssets(SCOPE, ['assets/a-1.js', 'assets/a-1.css']);
    expect([...entries.keys()].sort()).toEqual(
      [`${SCOPE}asset-manifest.json`, `${SCOPE}assets/b-1.css`, `${SCOPE}assets/b-1.js`].sort(),
    );

    // The next version replaces b; its worker installs beside the old one, then activates.
    const fetch = serve({
      'asset-manifest.json': manifest(['assets/a-1.js', 'assets/c-2.js']),
      'assets/c-2.js': 'c',
      'assets/c-2.css': 'c',
    });
    await cacheAssets(SCOPE, ['assets/a-1.js', 'assets/a-1.css']);
    expect(entries.has(`${SCOPE}assets/b-1.js`)).toBe(true);
    // Precached chunks are never fetched twice.
    expect(fetch).not.toHaveBeenCalledWith(`${SCOPE}assets/a-1.js`);
    expect(fetch).toHaveBeenCalledWith(`${SCOPE}assets/c-2.js`);
    await dropOldAssets();
    expect([...entries.keys()].sort()).toEqual(
      [`${SCOPE}asset-manifest.json`, `${SCOPE}assets/c-2.css`, `${SCOPE}assets/c-2.js`].sort(),
    );
  });

  it('fails the install when a chunk cannot be fetched, as a precache would', async () => {
    fakeCaches();
    serve({ 'asset-manifest.json': manifest(['assets/gone-1.js']) });
    await expect(cacheAssets(SCOPE, [])).rejects.toThrow(/gone-1\.js/);
  });
});
