// The one name the entry script needs of first-screen.ts, apart from it: importing that module
// would put all of it (composing, caching) in the first script a phone downloads.

/** The attribute that marks the saved copy of Home's first screen inside `#app`. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
