// Build step: writes a brotli (.br) and a gzip (.gz) copy beside each text file under assets/,
// which `npm start` (scripts/serve.mjs, through sirv) sends to browsers that accept them, at
// brotli's top quality and with no work per request.
// Only the hashed files: their names change with their bytes, so a copy can never go stale.
// Files with fixed names (index.html, sw.js) are replaced in place by a deploy, and the feed
// without any build; a copy left beside them would keep serving the old version, so the server
// compresses those as it sends them (scripts/lib/serve-encoding.mjs).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const TEXT_FILE = /\.(m?js|css|html|svg|json|map|txt|webmanifest)$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * @param {Buffer} data
 * @returns {Promise<Buffer>}
 */
function brotliMax(data) {
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/**
 * Writes file.br and file.gz.
 * @param {string} file
 */
async function writeCompressedCopies(file) {
  const data = await readFile(file);
  await writeFile(`${file}.br`, await brotliMax(data));
  await writeFile(`${file}.gz`, await gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }));
}

/** @returns {import('vite').Plugin} */
export function precompress() {
  return {
    name: 'folio-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter(
        (name) => name.startsWith('assets/') && TEXT_FILE.test(name),
      );
      await Promise.all(files.map((name) => writeCompressedCopies(path.join(outDir, name))));
    },
  };
}
