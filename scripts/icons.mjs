// Rasterises public/icons/icon.svg into the PNG icons the web app manifest and iOS ask for.
// Usage: npm run icons   (the PNGs are committed, so a build never needs the rasteriser)
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ICONS_DIR = path.join(REPO_ROOT, 'public', 'icons');
const BACKGROUND = '#1f3a5f';
// Launchers crop maskable icons to any shape containing the central circle of 80 % diameter:
// the artwork is shrunk into it and the background runs to every edge.
const MASKABLE_SCALE = 0.8;

/**
 * @typedef {object} IconTarget
 * @property {string} file
 * @property {number} size
 * @property {'plain' | 'full-bleed'} variant
 */

/** @type {readonly IconTarget[]} */
export const ICON_TARGETS = [
  { file: 'icon-192.png', size: 192, variant: 'plain' },
  { file: 'icon-512.png', size: 512, variant: 'plain' },
  { file: 'icon-512-maskable.png', size: 512, variant: 'full-bleed' },
  // iOS rounds the corners itself and paints transparent pixels black, so it gets full bleed.
  { file: 'apple-touch-icon.png', size: 180, variant: 'full-bleed' },
];

/**
 * The source icon, shrunk to the maskable safe zone on a square background with no transparent
 * corners. Nesting the original keeps one source of truth for the artwork.
 * @param {string} svg
 * @returns {string}
 */
export function fullBleedSvg(svg) {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox) throw new Error('icon.svg needs a viewBox');
  const [, , width, height] = viewBox.split(/[\s,]+/).map(Number);
  if (!width || !height) throw new Error(`icon.svg has an unusable viewBox "${viewBox}"`);
  const inset = (1 - MASKABLE_SCALE) / 2;
  const inner = svg.replace(
    /<svg\b/,
    `<svg x="${width * inset}" y="${height * inset}" width="${width * MASKABLE_SCALE}" height="${height * MASKABLE_SCALE}"`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    inner,
    '</svg>',
  ].join('');
}

/**
 * @param {string} svg
 * @param {number} size
 * @returns {Buffer}
 */
export function rasterise(svg, size) {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size } });
  return resvg.render().asPng();
}

export async function writeIcons(dir = ICONS_DIR) {
  const source = await readFile(path.join(dir, 'icon.svg'), 'utf8');
  const variants = { plain: source, 'full-bleed': fullBleedSvg(source) };
  for (const { file, size, variant } of ICON_TARGETS) {
    await writeFile(path.join(dir, file), rasterise(variants[variant], size));
    console.log(`wrote public/icons/${file} (${size}×${size}, ${variant})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeIcons();
}
