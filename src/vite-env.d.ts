/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Address of the feed's index.json; relative addresses resolve against the app's base. */
  readonly VITE_FEED_URL?: string;
  /** WordPress's `…/wp-json/wp/v2/comments`; without it, articles show no comment form. */
  readonly VITE_COMMENTS_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
