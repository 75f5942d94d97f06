// The app's hashed chunks outside the precache (see vite.config.ts), cached by the service
// worker from the build's asset-manifest.json, so that every page opens offline.

export const ASSET_CACHE = 'folio-assets';
const MANIFEST = 'asset-manifest.json';

/** The files of Vite's build manifest (`build.manifest`): each chunk's file and stylesheets. */
export function assetFiles(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) {
    throw new Error(`${MANIFEST} is not an object`);
  }
  const files = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    if (typeof chunk !== 'object' || chunk === null) continue;
    const { file, css, assets } = chunk as { file?: unknown; css?: unknown; assets?: unknown };
    if (typeof file === 'string' && file.startsWith('assets/')) files.add(file);
    // Files a chunk references by URL, such as a web worker's script.
    if (Array.isArray(assets)) {
      for (const asset of assets) {
        if (typeof asset === 'string' && asset.startsWith('assets/')) files.add(asset);
      }
    }
    if (Array.isArray(css)) {
      for (const sheet of css) if (typeof sheet === 'string') files.add(sheet);
    }
  }
  return [...files];
}

/**
 * Fetches every chunk of this build not cached yet; fails (and so fails the install, which the
 * browser retries) when one cannot be had, as a precache would. The manifest is kept beside the
 * chunks, so that the next version knows which chunks are this one's.
 */
export async function cacheAssets(scope: string, precached: readonly string[]): Promise<void> {
  const response = await fetch(new URL(MANIFEST, scope), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${MANIFEST}: HTTP ${response.status}`);
  const files = assetFiles(await response.clone().json());
  const skip = new Set(precached.map((url) => new URL(url, scope).href));
  const cache = await caches.open(ASSET_CACHE);
  const missing = [];
  for (const file of files) {
    const url = new URL(file, scope).href;
    if (!skip.has(url) && !(await cache.match(url))) missing.push(url);
  }
  await cache.addAll(missing);
  await cache.put(new URL(MANIFEST, scope).href, response);
}

/** Once this version is active, the chunks only older versions used go. */
export async function dropOldAssets(): Promise<void> {
  const cache = await caches.open(ASSET_CACHE);
  const keys = await cache.keys();
  const manifestKey = keys.find((request) => request.url.endsWith(`/${MANIFEST}`));
  const manifest = manifestKey ? await cache.match(manifestKey) : undefined;
  if (!manifest) return;
  const current = new Set(assetFiles(await manifest.json()));
  for (const request of keys) {
    if (request === manifestKey) continue;
    const path = new URL(request.url).pathname;
    if (![...current].some((file) => path.endsWith(`/${file}`))) await cache.delete(request);
  }
}
