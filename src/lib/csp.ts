/**
 * The Content-Security-Policy of each page, and of each path pattern in `_headers`.
 *
 * Astro (security.csp in astro.config.mjs) writes one <meta http-equiv="content-security-policy"> per
 * page with the hashes of the build's scripts and styles; it puts it at the end of <head>, after <title>
 * and the description, which hold data text, and gives every page every script hash. finishPageCsp()
 * (run on each rendered page by src/middleware.ts) moves the meta to right after <meta charset> and, on a
 * page that has no <script>, narrows script-src to 'none' (the search page, the only one with script, keeps
 * its hashes and the 'wasm-unsafe-eval' it adds for Pagefind). Style hashes stay as Astro computed them, so
 * per-page styles that a component registers with Astro.csp.insertStyleHash() keep working.
 *
 * headersFile() turns the pages' policies into a `_headers` file (Netlify / Cloudflare Pages): a header
 * policy holds for every page of a path pattern, so it cannot carry per-page style hashes; it allows
 * inline styles ('unsafe-inline', styles only) and relies on the stricter meta policy of each page, which
 * browsers enforce as well (a resource must pass both). It adds what a meta policy cannot say:
 * frame-ancestors 'none'.
 */

/** Directive name → its sources, in the order written. */
export type Policy = Map<string, string[]>;

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
const CHARSET_META = /<meta charset="utf-8">/i;
/** A <script> that runs: any but JSON data blocks. */
const RUNNING_SCRIPT = /<script\b(?![^>]*\stype="application\/(?:ld\+)?json")/i;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive is the one browsers apply; later ones are ignored.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Whether the page has a <script> element that runs. Quoted attribute values and comments are blanked first:
 * data text may hold "<script" in a meta description or a search attribute (harmless there, as attribute
 * values are quoted), and must never widen the page's policy.
 */
export function runsScript(html: string): boolean {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(\s[\w:-]+)="[^"]*"/g, (attr, name: string) => (name.trim() === 'type' ? attr : `${name}=""`));
  return RUNNING_SCRIPT.test(markup);
}

/** Script directives and sources that only a page with script needs. */
const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr'];

/** A page's policy: Astro's, with script-src 'none' (and no script hashes) when the page runs no script. */
export function pagePolicy(astroPolicy: Policy, pageRunsScript: boolean): Policy {
  if (pageRunsScript) return new Map(astroPolicy);
  const policy: Policy = new Map();
  for (const [name, sources] of astroPolicy) {
    if (name === 'script-src') policy.set(name, ["'none'"]);
    else if (!SCRIPT_DIRECTIVES.includes(name)) policy.set(name, sources);
  }
  if (!policy.has('script-src')) policy.set('script-src', ["'none'"]);
  return policy;
}

/**
 * The page with its CSP meta right after <meta charset> (the first thing the parser meets, before any data
 * text) and its script sources narrowed to what it runs. A page without a CSP meta is returned unchanged
 * (the built-site tests require one on every page).
 */
export function finishPageCsp(html: string): string {
  const meta = CSP_META.exec(html);
  const charset = CHARSET_META.exec(html);
  if (!meta || !charset) return html;
  const withoutMeta = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const policy = pagePolicy(parsePolicy(meta[1]!), runsScript(withoutMeta));
  const newMeta = `<meta http-equiv="content-security-policy" content="${serializePolicy(policy)}">`;
  const at = CHARSET_META.exec(withoutMeta)!;
  const end = at.index + at[0].length;
  return withoutMeta.slice(0, end) + newMeta + withoutMeta.slice(end);
}

/** The policy in a page's CSP meta, if it has one. */
export function metaPolicyOf(html: string): Policy | undefined {
  const meta = CSP_META.exec(html);
  return meta ? parsePolicy(meta[1]!) : undefined;
}

/** True when the CSP meta is the first element after <meta charset> in <head>. */
export function cspMetaFirst(html: string): boolean {
  return /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="content-security-policy" /i.test(html);
}

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);

/**
 * The header form of a page's meta policy: the same sources for everything but styles, which may be inline
 * (the meta's per-page hashes keep them strict), plus frame-ancestors 'none'.
 */
export function headerPolicy(metaPolicy: Policy): Policy {
  const policy: Policy = new Map();
  for (const [name, sources] of metaPolicy) {
    if (name === 'style-src' || name === 'style-src-elem')
      policy.set(name, [...sources.filter((s) => !isHash(s) && s !== "'unsafe-inline'"), "'unsafe-inline'"]);
    else if (name !== 'style-src-attr') policy.set(name, sources);
  }
  policy.set('frame-ancestors', ["'none'"]);
  return policy;
}

/** Headers every response gets. */
export const COMMON_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // For browsers that predate frame-ancestors.
  ['X-Frame-Options', 'DENY'],
];

/**
 * The `_headers` path pattern that covers a page: '/' and '/en/' exactly, '/404.html', otherwise the page's
 * first section with a splat ('/programs/*', '/en/programs/*'). Patterns never overlap, because hosts
 * differ in what they do when two rules set one header (Cloudflare joins the values, which would make two
 * policies that both apply; Netlify keeps one).
 */
export function headerPatternOf(path: string, langPrefixes: readonly string[] = ['en']): string {
  const segments = path.split('/').filter(Boolean);
  const prefix = segments.length && langPrefixes.includes(segments[0]!) ? `/${segments.shift()}` : '';
  if (segments.length === 0) return `${prefix}/`;
  if (segments.length === 1 && segments[0]!.endsWith('.html')) return `${prefix}/${segments[0]}`;
  return `${prefix}/${segments[0]}/*`;
}

/** True when a `_headers` pattern ('/x/*', '/x/', '/404.html') matches a URL path. */
export function patternMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `_headers` for the pages given (URL path → the policy in its meta): the common headers for every path,
 * then one header policy per pattern. Throws when the pages under one pattern would need different
 * header policies (a page with script among pages without): the patterns must then be split.
 */
export function headersFile(pages: ReadonlyMap<string, Policy>): string {
  const byPattern = new Map<string, { policy: string; from: string }>();
  for (const [path, meta] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pattern = headerPatternOf(path);
    const policy = serializePolicy(headerPolicy(meta));
    const seen = byPattern.get(pattern);
    if (seen && seen.policy !== policy)
      throw new Error(`_headers: ${path} and ${seen.from} share the pattern ${pattern} but need different policies`);
    if (!seen) byPattern.set(pattern, { policy, from: path });
  }
  const lines = [
    '# Written by the build (src/lib/csp.ts). Each page also carries its own, stricter CSP <meta>.',
    '/*',
    ...COMMON_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const [pattern, { policy }] of byPattern) lines.push(pattern, `  Content-Security-Policy: ${policy}`);
  return `${lines.join('\n')}\n`;
}

/** A `_headers` file read back: pattern → header name → value (for tests and output checks). */
export function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers line ${i + 1}: a path must start with /: ${line}`);
      if (rules.has(line)) throw new Error(`_headers line ${i + 1}: ${line} is listed twice`);
      current = new Map();
      rules.set(line, current);
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(\S.*)$/.exec(line);
    if (!current || !header) throw new Error(`_headers line ${i + 1}: not "  Name: value" under a path: ${line}`);
    current.set(header[1]!, header[2]!);
  }
  return rules;
}
