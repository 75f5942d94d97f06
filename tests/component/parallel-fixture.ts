// The side-by-side tests read the trilingual test feed, stored as a sync would store it.
import { render } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { trilingualArticle, trilingualIndex } from '../fixtures/trilingual';
import { goTo, seed } from './helpers';

type Json = Record<string, unknown>;
interface FixtureArticle {
  translations: Record<string, { title: string; body: string }>;
}

// Pages load lazily, and the first of a run is compiled on demand: more than the default second.
export const LOAD = { timeout: 5_000 };

const fixtureArticle = (id: string): Json => trilingualArticle(id);

/** The plain text of each paragraph of one translation of a fixture article. */
export function paragraphsOf(id: string, lang: string): string[] {
  const { translations } = fixtureArticle(id) as unknown as FixtureArticle;
  const body = translations[lang]?.body ?? '';
  return [...body.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1] ?? '');
}

/** The lead of one translation of a fixture article. */
export const leadOf = (id: string, lang: string): string =>
  (fixtureArticle(id) as unknown as { translations: Record<string, { lead?: string }> })
    .translations[lang]?.lead ?? '';

export const titleOf = (id: string, lang: string): string =>
  (fixtureArticle(id) as unknown as FixtureArticle).translations[lang]?.title ?? '';

export async function seedTrilingual(): Promise<void> {
  const ids = ['parallel-all', 'parallel-uneven', 'english-only', 'fa-es'];
  await seed(trilingualIndex(), ids.map(fixtureArticle));
}

export function open(address: string) {
  goTo(address);
  return render(App);
}
