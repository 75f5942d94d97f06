// The layout checks and screenshot baselines of the visual suite (visual.e2e.ts): what a reader
// would see go wrong on a phone (a page wider than the screen, a header of two rows, a chip out
// of reach), measured in the page; and each view compared pixel by pixel with its reviewed
// baseline in tests/e2e/screens/, so that an unintended change of layout fails the build.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './harness';

export const BASELINE_DIR = path.join(REPO_ROOT, 'tests/e2e/screens');
export const RESULT_DIR = path.join(REPO_ROOT, 'test-results/screens');

/**
 * How far a screenshot may stray from its baseline: a pixel counts as changed past pixelmatch's
 * colour threshold (anti-aliasing is ignored), and a view may have this share of them. A moved
 * block or a wrapped line changes several per cent of a view; a glyph rasterised differently by
 * another Chromium build, a few hundredths.
 */
export const PIXEL_THRESHOLD = 0.1;
export const MAX_CHANGED_SHARE = 0.005;

/** Elements whose right or left edge leaves the viewport, outside any box that clips or scrolls. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clips = (element: Element): boolean => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX !== 'visible' || style.display === 'none') return true;
      }
      return false;
    };
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${id}${classes} "${text}"`;
    };
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden, or empty
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (clips(element)) continue;
      out.push(`${describe(element)} spans ${Math.round(rect.left)}…${Math.round(rect.right)}`);
    }
    return out;
  });
}

/** Compares the viewport with its baseline; writes both the shot and a diff to RESULT_DIR. */
export async function compareScreen(
  page: Page,
  name: string,
  masks: Locator[] = [],
): Promise<{ changed: number; share: number; baseline: boolean }> {
  mkdirSync(RESULT_DIR, { recursive: true });
  // Times that change from run to run (the status line's "updated 14:32", and whatever the
  // caller names) are masked; animations and the caret are stilled.
  const shot = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('.status .message'), ...masks],
    maskColor: '#808080',
  });
  writeFileSync(path.join(RESULT_DIR, `${name}.png`), shot);
  const baselineFile = path.join(BASELINE_DIR, `${name}.png`);
  const update = process.env.UPDATE_SCREENS === '1';
  if (!existsSync(baselineFile)) {
    writeBaseline(baselineFile, shot);
    return { changed: 0, share: 0, baseline: false };
  }
  const result = compare(shot, readFileSync(baselineFile), name);
  // A rewrite keeps the baselines still within tolerance: the repository takes only the views
  // that really changed.
  if (update && result.share > MAX_CHANGED_SHARE) {
    writeBaseline(baselineFile, shot);
    return { changed: 0, share: 0, baseline: false };
  }
  return result;
}

function writeBaseline(file: string, shot: Buffer): void {
  mkdirSync(BASELINE_DIR, { recursive: true });
  writeFileSync(file, shot);
}

function compare(
  shot: Buffer,
  baseline: Buffer,
  name: string,
): { changed: number; share: number; baseline: boolean } {
  const actual = PNG.sync.read(shot);
  const expected = PNG.sync.read(baseline);
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { changed: actual.width * actual.height, share: 1, baseline: true };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  if (changed > 0) writeFileSync(path.join(RESULT_DIR, `${name}.diff.png`), PNG.sync.write(diff));
  return { changed, share: changed / (actual.width * actual.height), baseline: true };
}
