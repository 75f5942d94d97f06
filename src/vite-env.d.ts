/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Address of the feed's index.json; relative addresses resolve against the app's base. */
  readonly VITE_FEED_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
