// Quoted phrases need the words in order, which the index does not keep: the best candidates'
// saved bodies are read from IndexedDB, a batch at a time, and searched for the phrase.
import type { FolioDB } from '../db';
import { articlesByIds } from '../db/search-reads';
import { htmlToText } from './html-text';
import { hasPhrase } from './query';
import type { PhraseCheck, SearchHit } from './search-index';

/** Candidates whose bodies a phrase query reads, at most: beyond them the count is capped. */
export const PHRASE_CANDIDATES = 100;
/** Bodies read at a time; reading stops once a page of results has the phrase. */
export const PHRASE_BATCH = 25;

const keyOf = (hit: { articleId: string; lang: string }) => `${hit.articleId}|${hit.lang}`;

/** The texts read so far; a document not read yet is not counted (it is outside what was read). */
export class PhraseTexts {
  private readonly texts = new Map<string, string>();

  async read(db: FolioDB, hits: SearchHit[]): Promise<void> {
    const wanted = new Set(hits.map(keyOf));
    const articles = await articlesByIds(db, [...new Set(hits.map((hit) => hit.articleId))]);
    for (const article of articles) {
      for (const [lang, translation] of Object.entries(article.translations)) {
        const key = keyOf({ articleId: article.id, lang });
        if (!wanted.has(key)) continue;
        this.texts.set(key, [translation.lead ?? '', htmlToText(translation.body)].join('\n'));
      }
    }
  }

  readonly check: PhraseCheck = (hit, phrase) => {
    const text = this.texts.get(keyOf(hit));
    return text !== undefined && hasPhrase(text, phrase);
  };
}
