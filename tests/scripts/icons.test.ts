import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ICON_TARGETS, fullBleedSvg, rasterise } from '../../scripts/icons.mjs';

const ICONS_DIR = path.resolve(import.meta.dirname, '../../public/icons');

/** The RGBA pixel at (x, y) of the SVG rendered at `size` pixels square. */
function pixel(svg: string, size: number, x: number, y: number): number[] {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  const at = (y * image.width + x) * 4;
  return [...image.pixels.subarray(at, at + 4)];
}

describe('npm run icons', () => {
  it('gives the maskable and iOS icons a background to every edge, the artwork in the safe zone', async () => {
    const source = await readFile(path.join(ICONS_DIR, 'icon.svg'), 'utf8');
    // The plain icon has rounded, transparent corners; the full-bleed one has none.
    expect(pixel(source, 64, 0, 0)[3]).toBe(0);
    const bleed = fullBleedSvg(source);
    expect(pixel(bleed, 64, 0, 0)).toEqual([0x1f, 0x3a, 0x5f, 255]);
    // The white page's top-left corner (18, 14 of 64) moves toward the centre: inside the
    // central circle of 80 % diameter that every launcher mask keeps.
    const corner = { x: 32 + (18 - 32) * 0.8, y: 32 + (14 - 32) * 0.8 };
    expect(Math.hypot(corner.x - 32, corner.y - 32)).toBeLessThan(0.4 * 64);
    expect(pixel(bleed, 64, Math.ceil(corner.x) + 1, Math.ceil(corner.y) + 1)).toEqual([
      255, 255, 255, 255,
    ]);
  });

  it('has written the committed PNGs from the current icon.svg', async () => {
    const source = await readFile(path.join(ICONS_DIR, 'icon.svg'), 'utf8');
    for (const { file, size, variant } of ICON_TARGETS) {
      const svg = variant === 'plain' ? source : fullBleedSvg(source);
      const committed = await readFile(path.join(ICONS_DIR, file));
      expect(committed.equals(rasterise(svg, size)), `${file} is stale: run npm run icons`).toBe(
        true,
      );
    }
  });
});
