/** What src/middleware.ts puts in Astro.locals for every page. */
declare namespace App {
  interface Locals {
    lang: import('./lib/i18n.ts').Lang;
    t: import('./lib/i18n.ts').Translate;
    fmt: import('./lib/format.ts').Formatter;
    data: import('./lib/site-data.ts').SiteData;
    /** 'YYYY-MM-DD' on which the data of the page being rendered last changed (set by layouts/Base.astro). */
    updated?: string;
  }
}
