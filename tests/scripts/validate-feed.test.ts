// @vitest-environment node
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/validate-feed.mjs');
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function validate(target: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node', [SCRIPT, target], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

describe('npm run feed:validate', () => {
  it('accepts the sample feed', async () => {
    const { code, out } = await validate('public/content');
    expect(code).toBe(0);
    expect(out).toContain(
      'ok: 0 problem(s), 0 warning(s) in 1 page(s) and 8 valid article file(s)',
    );
  });

  it('lists every problem with its file and JSON path, and exits 1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-validate-'));
    temporary.push(dir);
    await cp(path.join(ROOT, 'public/content'), dir, { recursive: true });
    const indexFile = path.join(dir, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
      articles: { id: string; translations: Record<string, unknown> }[];
    };
    (index.articles[1] as { translations: Record<string, unknown> }).translations.fr = {
      title: 'x',
    };
    await writeFile(indexFile, JSON.stringify(index));
    await rm(path.join(dir, 'articles', `${index.articles[3]?.id}.json`));

    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    expect(out).toContain(
      'error   index.json: articles[1].translations.fr: language "fr" is not declared in languages; article skipped',
    );
    expect(out).toContain(`error   articles/${index.articles[3]?.id}.json: HTTP 404`);
    expect(out).toContain('invalid: 2 problem(s)');
  });

  it('says how to use it when given nothing', async () => {
    expect((await validate('')).code).toBe(2);
  });
});
