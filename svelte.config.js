import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Scoping classes of 6 characters instead of Svelte's 14 ("svelte-1njmqi3"): each stands
    // in every scoped selector and every element's class list, in the shell a phone downloads
    // first. Five base-36 digits of the styles' hash keep ~70 components apart.
    cssHash: ({ hash, css }) => `s${hash(css).slice(0, 5)}`,
  },
};
