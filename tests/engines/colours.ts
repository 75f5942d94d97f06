// Reads colours off a screenshot, where an engine's own drawing of a control (WebKit's native
// <select>) may differ from what the CSS asked for.
import { PNG } from 'pngjs';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Rgb = [number, number, number];

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG's contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The background of a box (its most common colour) and its text (the colour, among those
 * covering at least 1% of the box, that stands out most from the background).
 */
export function boxColours(png: Buffer, box: Box): { background: Rgb; text: Rgb } {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const x1 = Math.min(image.width, Math.round(box.x + box.width));
  const y1 = Math.min(image.height, Math.round(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y * image.width + x) * 4;
      const key =
        ((image.data[at] ?? 0) << 16) |
        ((image.data[at + 1] ?? 0) << 8) |
        (image.data[at + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rgb = (key: number): Rgb => [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const total = (x1 - x0) * (y1 - y0);
  const background = rgb(ranked[0]?.[0] ?? 0);
  let text = background;
  for (const [key, count] of ranked) {
    if (count < total * 0.01) break;
    if (contrast(rgb(key), background) > contrast(text, background)) text = rgb(key);
  }
  return { background, text };
}
