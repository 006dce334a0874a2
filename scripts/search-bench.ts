/**
 * Search figures to compare across changes (npm run bench:search, after npm run build):
 * - index size per language (Pagefind index chunks, fragments, filters, metadata; the suggestions) and
 *   the shared files (pagefind.js, WebAssembly);
 * - bytes fetched from opening the search page with ?q= to the first result, by kind of file, raw and
 *   as a host that compresses text would send them (brotli for html/css/js/json; Pagefind's own files
 *   are already gzip);
 * - time to first result (navigation start → the page's `search:first-result` mark) and time of a
 *   second query typed after it, median of several runs, each in a fresh browser context (cold cache);
 * - issue 14's measure: the page opened without a query and left to load (network idle), then 訪問看護
 *   (visiting nursing) entered as an IME enters it (composed, then committed: compositionend) or "visiting
 *   nursing" typed as one input: bytes and requests from opening the page to the first result, and the time
 *   from the last keystroke (the commit, or the input) to the first result in the list (median).
 *
 * Usage: node scripts/search-bench.ts [--runs N] [--lang ja|en] [--ime-pause MS] [siteDir]
 *   (--ime-pause: time between the IME's conversion and its commit, as a person takes; default 0)
 *   (default: $ATLAS_OUT_DIR or dist, 5 runs, both languages)
 * Serves the site itself on a free local port; needs Debian's Chromium (/usr/bin/chromium).
 */
import { createServer } from 'node:http';
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { indexFolders } from '../src/integrations/search-index.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const langAt = args.indexOf('--lang');
/** Milliseconds between the IME's conversion (the candidate shown) and its commit; 0: committed at once. */
const pauseAt = args.indexOf('--ime-pause');
const IME_PAUSE = pauseAt >= 0 ? Number(args[pauseAt + 1]) : 0;
const LANGS = langAt >= 0 ? [args[langAt + 1] as 'ja' | 'en'] : (['ja', 'en'] as const);
const positional = args.filter(
  (a, i) => !a.startsWith('--') && ![runsAt, langAt, pauseAt].some((at) => at >= 0 && i === at + 1),
);
const root = resolve(positional[0] ?? process.env.ATLAS_OUT_DIR ?? 'dist');
const pagefindDir = join(root, 'pagefind');
const QUERIES = { ja: ['教育ステーション', '人工呼吸器'], en: ['ventilator', 'education station'] } as const;
/** Issue 14's query, entered into the loaded page (Japanese through an IME). */
const TYPED = { ja: '訪問看護', en: 'visiting nursing' } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Bytes a compressing host would send. */
function compressedSize(path: string, body: Buffer): number {
  return COMPRESSIBLE.has(path.endsWith('/') ? '.html' : extname(path)) ? brotliCompressSync(body).length : body.length;
}

function indexSizes() {
  console.log('Index size per language (bytes on disk; Pagefind files are gzip already)');
  for (const { lang, dir } of indexFolders(pagefindDir)) {
    const files = globSync('**/*', { cwd: dir })
      .filter((rel) => statSync(join(dir, rel)).isFile())
      .map((rel) => ({ rel: rel.split(sep).join('/'), size: statSync(join(dir, rel)).size }));
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number; wasm: string | null }>;
    };
    const info = entry.languages[lang]!;
    const part = (test: (rel: string) => boolean) => files.filter((f) => test(f.rel)).reduce((n, f) => n + f.size, 0);
    const index = part((r) => r.startsWith('index/'));
    const fragments = part((r) => r.startsWith('fragment/'));
    const filters = part((r) => r.startsWith('filter/'));
    const meta = part((r) => r.endsWith('.pf_meta'));
    const suggest = part((r) => r === `suggest-${lang}.json`);
    const wasm = part((r) => r === `wasm.${info.wasm ?? 'unknown'}.pagefind`);
    console.log(
      `  ${lang} (${relative(root, dir)}/): ${info.page_count} pages — index ${kb(index)}, fragments ${kb(fragments)}, filters ${kb(filters)}, meta ${kb(meta)}; total ${kb(index + fragments + filters + meta)} (+ wasm.${info.wasm ?? 'unknown'} ${kb(wasm)}; suggest-${lang}.json ${kb(suggest)}, fetched only when nothing is found)`,
    );
  }
  const shared = ['pagefind.js', 'pagefind-worker.js']
    .map((f) => `${f} ${existsSync(join(pagefindDir, f)) ? kb(statSync(join(pagefindDir, f)).size) : 'missing'}`)
    .join(', ');
  console.log(`  shared: ${shared}`);
}

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

function category(path: string): string {
  // A language's index is in /pagefind/<lang>_<hash>/ (placeIndex in src/integrations/search-index.ts).
  const inIndex = /^\/pagefind\/[a-z-]+_[0-9a-f]+\/(.*)$/.exec(path)?.[1];
  if (inIndex !== undefined) {
    if (inIndex.startsWith('fragment/')) return 'fragments';
    if (inIndex.startsWith('wasm.')) return 'wasm';
    return 'index';
  }
  if (path.startsWith('/pagefind/')) return 'pagefind js';
  if (path.endsWith('.js')) return 'page js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.html') || path.endsWith('/')) return 'html';
  return 'other';
}

type Tally = Map<string, { raw: number; sent: number; files: number }>;

/** Bytes fetched by kind of file: raw, as a compressing host would send them, and how many files. */
function tally(fetched: { path: string; body: Buffer }[]): Tally {
  const bytes: Tally = new Map();
  for (const f of fetched) {
    const c = category(f.path);
    const row = bytes.get(c) ?? { raw: 0, sent: 0, files: 0 };
    bytes.set(c, {
      raw: row.raw + f.body.length,
      sent: row.sent + compressedSize(f.path, f.body),
      files: row.files + 1,
    });
  }
  return bytes;
}

function printTally(title: string, bytes: Tally) {
  const total = [...bytes.values()].reduce(
    (a, r) => ({ raw: a.raw + r.raw, sent: a.sent + r.sent, files: a.files + r.files }),
    { raw: 0, sent: 0, files: 0 },
  );
  console.log(`\n${title}`);
  for (const [c, r] of [...bytes].sort((a, b) => b[1].sent - a[1].sent))
    console.log(
      `  ${c.padEnd(12)} ${String(r.files).padStart(2)} files  ${kb(r.raw).padStart(9)} raw  ${kb(r.sent).padStart(9)} compressed`,
    );
  console.log(
    `  ${'total'.padEnd(12)} ${String(total.files).padStart(2)} files  ${kb(total.raw).padStart(9)} raw  ${kb(total.sent).padStart(9)} compressed`,
  );
}

/**
 * Records every response of `page`. `until()` gives the bodies of the requests made up to now, once they
 * have arrived: the first result needs every file requested before it, even one whose body is still being read.
 */
function record(page: Page) {
  const requested: { at: number; body: Promise<{ path: string; body: Buffer } | undefined> }[] = [];
  page.on('request', (req) => {
    requested.push({
      at: Date.now(),
      body: req
        .response()
        .then(async (res) => (res ? { path: new URL(req.url()).pathname, body: await res.body() } : undefined))
        .catch(() => undefined), // redirects and aborted requests have no body
    });
  });
  return {
    until: async () => {
      const cutoff = Date.now();
      const bodies = await Promise.all(requested.filter((r) => r.at <= cutoff).map((r) => r.body));
      return bodies.filter((b) => b !== undefined);
    },
  };
}

const ms = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms over ${xs.length} runs (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

async function main() {
  if (!existsSync(join(pagefindDir, 'pagefind.js')) || !indexFolders(pagefindDir).length)
    throw new Error(`${pagefindDir} has no index: run npm run build first`);
  indexSizes();
  const { url, close } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const lang of LANGS) {
      const searchUrl = `${url}${lang === 'en' ? '/en' : ''}/search/`;
      const [first, second] = QUERIES[lang];
      const firstTimes: number[] = [];
      const secondTimes: number[] = [];
      let bytes: Tally | undefined;
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const recorder = record(page);
        await page.goto(`${searchUrl}?q=${encodeURIComponent(first)}`);
        await page.waitForFunction(() => performance.getEntriesByName('search:first-result').length > 0, undefined, {
          timeout: 30_000,
        });
        firstTimes.push(await page.evaluate(() => performance.getEntriesByName('search:first-result')[0]!.startTime));
        const fetched = await recorder.until();
        if (run === 0) bytes = tally(fetched);
        const started = await page.evaluate(() => performance.now());
        await page.fill('#search-q', second);
        await page.waitForFunction(
          (q) =>
            document.getElementById('search')?.dataset.state === 'done' &&
            document.getElementById('search')?.dataset.query === q,
          second,
        );
        secondTimes.push((await page.evaluate(() => performance.now())) - started);
        await context.close();
      }
      printTally(
        `${new URL(searchUrl).pathname}?q=${first}: bytes fetched from opening the page to the first result`,
        bytes!,
      );
      console.log(`  time to first result: ${ms(firstTimes)}, each a cold start`);
      console.log(`  then "${second}" typed: ${ms(secondTimes)} to its results (includes the 120 ms typing debounce)`);

      // Issue 14's measure: the page loaded first, then the query typed (an IME commits it as one input).
      const typed = TYPED[lang];
      const typedTimes: number[] = [];
      let typedBytes: Tally | undefined;
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const recorder = record(page);
        await page.goto(searchUrl, { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        await page.locator('#search-q').focus();
        // The listener is in place before the keystroke (a promise kept on the page, then awaited).
        await page.evaluate(() => {
          const w = window as unknown as { firstResult: Promise<number> };
          w.firstResult = new Promise<number>((ok, fail) => {
            let typedAt = -1;
            // The last keystroke: an IME's commit sends compositionend (and, in some browsers, an input after it).
            for (const type of ['input', 'compositionend'])
              document.addEventListener(type, (e) => (typedAt = e.timeStamp), { capture: true });
            const observer = new MutationObserver(() => {
              if (typedAt >= 0 && document.querySelector('#search-results:not([hidden]) > li')) {
                observer.disconnect();
                ok(performance.now() - typedAt);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
            setTimeout(() => fail(new Error('no result within 60 s')), 60_000);
          });
        });
        if (lang === 'ja') {
          // Composed, then committed, as an IME does (the search waits for the commit).
          const cdp = await context.newCDPSession(page);
          await cdp.send('Input.imeSetComposition', {
            text: typed,
            selectionStart: typed.length,
            selectionEnd: typed.length,
          });
          if (IME_PAUSE) await page.waitForTimeout(IME_PAUSE);
          await cdp.send('Input.insertText', { text: typed });
        } else await page.keyboard.insertText(typed);
        typedTimes.push(await page.evaluate(() => (window as unknown as { firstResult: Promise<number> }).firstResult));
        const fetched = await recorder.until();
        if (run === 0) typedBytes = tally(fetched);
        await context.close();
      }
      printTally(
        `${new URL(searchUrl).pathname} opened, then "${typed}" typed: bytes fetched from opening the page to the first result`,
        typedBytes!,
      );
      console.log(
        `  last keystroke to first result: ${ms(typedTimes)} (${lang === 'ja' ? `IME commit, ${IME_PAUSE} ms after the conversion` : 'typed: includes the 120 ms typing debounce'})`,
      );
    }
  } finally {
    await browser.close();
    close();
  }
}

main().catch((err) => {
  console.error(`✗ search bench: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
