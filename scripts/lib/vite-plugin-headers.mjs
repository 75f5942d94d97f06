// Build step: adds the Content-Security-Policy to index.html (as a <meta>, for hosts that cannot
// set headers) and writes the header files for common static hosts into the build:
//   security-headers.json  read by `npm start` (scripts/serve.mjs)
//   _headers               Netlify and Cloudflare Pages
//   nginx-folio.conf       an nginx snippet
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  netlifyHeaders,
  nginxSnippet,
  securityHeaders,
} from './headers.mjs';

export function folioHeaders({ feedUrl, commentsUrl } = {}) {
  let headerPolicy = '';
  return {
    name: 'folio-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const scriptHashes = inlineScriptHashes(html);
        headerPolicy = contentSecurityPolicy({ scriptHashes, feedUrl, commentsUrl });
        const metaPolicy = contentSecurityPolicy({
          scriptHashes,
          feedUrl,
          commentsUrl,
          forMeta: true,
        });
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
    // After index.html has been transformed, so the policy knows its inline scripts.
    async writeBundle(options) {
      const files = {
        'security-headers.json': `${JSON.stringify(securityHeaders(headerPolicy), null, 2)}\n`,
        _headers: netlifyHeaders(headerPolicy),
        'nginx-folio.conf': nginxSnippet(headerPolicy),
      };
      const outDir = options.dir ?? 'dist';
      await Promise.all(
        Object.entries(files).map(([name, text]) => writeFile(path.join(outDir, name), text)),
      );
    },
  };
}
