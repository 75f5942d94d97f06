// Quoted phrases need the words in order, which the index does not keep: the best candidates'
// saved bodies are read from IndexedDB and searched for the phrase.
import type { FolioDB } from '../db';
import { articlesByIds } from '../db/search-reads';
import { htmlToText } from './html-text';
import { hasPhrase } from './query';
import type { PhraseCheck, SearchHit } from './search-index';

/** Candidates whose bodies a phrase query reads, at most: beyond them the count is capped. */
export const PHRASE_CANDIDATES = 200;

/**
 * A check over the bodies of `candidates`; a document not among them is not counted (it is
 * outside what was read).
 */
export async function phraseCheckFor(db: FolioDB, candidates: SearchHit[]): Promise<PhraseCheck> {
  const articles = await articlesByIds(db, [...new Set(candidates.map((hit) => hit.articleId))]);
  const read = new Set(candidates.map((hit) => `${hit.articleId}|${hit.lang}`));
  const texts = new Map<string, string>();
  for (const article of articles) {
    for (const [lang, translation] of Object.entries(article.translations)) {
      const key = `${article.id}|${lang}`;
      if (!read.has(key)) continue;
      texts.set(key, [translation.lead ?? '', htmlToText(translation.body)].join('\n'));
    }
  }
  return (hit, phrase) => {
    const text = texts.get(`${hit.articleId}|${hit.lang}`);
    return text !== undefined && hasPhrase(text, phrase);
  };
}
