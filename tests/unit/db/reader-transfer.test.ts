import { afterEach, describe, expect, it } from 'vitest';
import {
  openFolioDb,
  putHighlight,
  setRead,
  type FolioDB,
  type Highlight,
} from '../../../src/lib/db';
import { exportBookmarks, importBookmarks } from '../../../src/lib/db/bookmark-transfer';
import { describe as describeSpan } from '../../../src/lib/annotations/anchor';
import { summary } from '../../fixtures/feed';
import { storeSummaries } from '../../fixtures/stored-feed';

const opened: FolioDB[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A device: its own database, holding the same feed. */
async function device(name: string): Promise<FolioDB> {
  const db = await openFolioDb(name);
  opened.push(db);
  await storeSummaries(db, [summary('a', { categories: ['economy'] }), summary('b')]);
  return db;
}

const text = 'The council met on Monday. Withdrawal was on the agenda.';
function highlight(id: string, changedAt: number, extra: Partial<Highlight> = {}): Highlight {
  return {
    id,
    articleId: 'a',
    lang: 'en',
    ...describeSpan(text, 27, 37),
    note: '',
    createdAt: 1,
    changedAt,
    deletedAt: null,
    ...extra,
  };
}

describe('read marks and highlights in the export file (version 2)', () => {
  it('merge on another device by id, the newest change of each winning', async () => {
    const phone = await device('phone');
    const laptop = await device('laptop');
    // The phone read a, then marked b unread; it wrote a note, and deleted a highlight.
    await setRead(phone, ['a'], true, 200);
    await setRead(phone, ['b'], false, 300);
    await putHighlight(phone, highlight('h1', 400, { note: 'From the phone' }));
    await putHighlight(phone, highlight('h2', 500, { deletedAt: 500 }));
    // The laptop read b earlier than the phone's change, and edited h1 later than the phone.
    await setRead(laptop, ['b'], true, 100);
    await putHighlight(laptop, highlight('h1', 900, { note: 'From the laptop' }));
    await putHighlight(laptop, highlight('h2', 50));

    const file = JSON.stringify(await exportBookmarks(phone, 'en'));
    expect(await importBookmarks(laptop, file)).toEqual({
      added: 0,
      kept: 0,
      reads: 2,
      highlights: 0,
    });
    expect(await laptop.get('reads', 'a')).toMatchObject({
      read: true,
      countedIn: ['', 'economy'],
    });
    expect(await laptop.get('reads', 'b')).toMatchObject({ read: false, changedAt: 300 });
    expect(await laptop.get('highlights', 'h1')).toMatchObject({ note: 'From the laptop' });
    // The deletion travelled: h2 is a tombstone on the laptop too.
    expect(await laptop.get('highlights', 'h2')).toMatchObject({ deletedAt: 500 });

    // Importing the same file again changes nothing.
    expect(await importBookmarks(laptop, file)).toMatchObject({ reads: 0, highlights: 0 });
  });

  it('imports a version 1 file (bookmarks only) as before', async () => {
    const laptop = await device('laptop-2');
    const old = { app: 'folio', kind: 'bookmarks', version: 1, bookmarks: [] };
    expect(await importBookmarks(laptop, JSON.stringify(old))).toEqual({
      added: 0,
      kept: 0,
      reads: 0,
      highlights: 0,
    });
  });

  it('refuses a highlight without its passage, and changes nothing', async () => {
    const laptop = await device('laptop-3');
    const bad = {
      app: 'folio',
      kind: 'bookmarks',
      version: 2,
      bookmarks: [],
      highlights: [{ id: 'h', articleId: 'a', lang: 'en', note: '' }],
    };
    await expect(importBookmarks(laptop, JSON.stringify(bad))).rejects.toThrow(
      'This is not a Folio bookmarks file (highlights[0].quote: is required).',
    );
    expect(await laptop.count('highlights')).toBe(0);
  });
});
