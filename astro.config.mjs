// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import atlas from './src/integrations/atlas.ts';
import { siteOrigin } from './src/lib/urls.ts';
import { DEFAULT_LANG, LANGS } from './src/lib/i18n.ts';

// Published origin for canonical URLs, hreflang, the sitemap and QR codes: SITE_URL, default in src/lib/urls.ts.
const site = siteOrigin();

export default defineConfig({
  site,
  // ATLAS_OUT_DIR lets tests build into a temporary directory.
  outDir: process.env.ATLAS_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // 'jsx' (the 7.0 default): whitespace as in JSX, so a line break between elements is no space. Prettier
  // formats the templates by JSX rules, so this keeps the output the same when it reflows them; where a
  // space matters it is written out ({' '}, or inside the text).
  compressHTML: 'jsx',
  i18n: {
    locales: [...LANGS],
    defaultLocale: DEFAULT_LANG,
    routing: { prefixDefaultLocale: false },
  },
  // atlas: the data check before the build; redirects; sitemap, _redirects and search index after it.
  integrations: [mdx(), atlas()],
  // Shiki's inline styles break the CSP; the site shows no code blocks.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // Setting resources replaces the default 'self', so it is listed. The search page adds 'wasm-unsafe-eval'
        // (Pagefind's WebAssembly) for itself, and pages without script get script-src 'none' (src/lib/csp.ts).
        resources: ["'self'"],
      },
    },
  },
});
