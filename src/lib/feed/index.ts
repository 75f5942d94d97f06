export {
  fetchJson,
  fetchJsonIfChanged,
  nextTask,
  parseJsonText,
  type ConditionalJson,
  type FetchLike,
  type Validators,
} from './fetch-json';
export { FeedError, problem, type FeedProblem, type FeedProblemKind } from './problems';
export { parseArticleFile } from './parse-article';
export { parseIndexPage } from './parse-page';
export { readPages, type ReadPagesOptions } from './pages';
export type { FeedInfo, ParsedArticle, ParsedPage, ParsedSummary } from './types';
export { chooseTranslation, sameLanguage, type ChosenTranslation } from './languages';
export { feedRootOf, fileLabel, resolveUrl } from './urls';
export type * from './schema';
export { articleImageUrls, imageSources } from './images';
