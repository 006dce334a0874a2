/**
 * npm run bench [-- --sizes 1000,5000,10000] [--skip-floor] [--skip-search] [--runs 5] [--out FILE] [--keep]
 *
 * Build performance at scale, as figures (not pass/fail). For each size N it generates a synthetic data
 * tree (scripts/generate-data.ts) in a temporary directory — data/ is never read or written by the
 * build under test — and measures:
 * - `npm run check` cold, and again after one program file changed (a comment appended: new bytes, nothing any rule
 *   reads — the check's stored result may stand; an edit to a figure or a reference runs the whole check);
 * - `npm run build` cold (Astro's caches and the output directory removed first) into a temporary
 *   ATLAS_OUT_DIR: wall and CPU time per phase, peak RSS, pages, ms per page and per program, output
 *   size, the heaviest page of each kind (gzipped HTML + linked CSS + JS; kind = first path segment
 *   after the language), the Pagefind index size per language;
 * - in Chromium, the Japanese search page served by a small static server: bytes fetched from opening
 *   /search/ to the first result for 訪問看護 typed into the query box, and the time from the input
 *   to the first result (median of --runs, each in a fresh browser context, typed once the page has loaded);
 * - the floor, in the same run: a bare Astro project (this project's astro, through a symlink to its
 *   node_modules) whose content collection reads the same program YAML files with Astro's own glob()
 *   loader and renders one trivial page per program per language, then the Pagefind CLI over its
 *   output; and the ratios of the full build to the floor.
 * Prints a table and writes everything to bench-results/<date>.json (or --out).
 *
 * Timing works on any build command: CPU time is that of the whole process tree (from the kernel, via
 * /proc), peak RSS both of the largest process (GNU time, when installed) and of all processes together
 * (sampled). Phases are cut at marker lines in the build's output: the check's "✓ data is valid",
 * Astro's "[build] Complete!", the search index's "✓ search index", and any lines
 * "[atlas:phase] <name> start" / "[atlas:phase] <name> done" — so a build that later runs its phases
 * inside `astro build` (an integration) keeps being measured by printing those lines (phases may then
 * nest: each is reported with its own span). Linux only (/proc).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import {
  appendFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { generateData, type GenerateSummary } from './generate-data.ts';
import { indexFolders } from '../src/integrations/search-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const QUERY = '訪問看護';
/** The search page's query box and a result in its list (src/pages/[...lang]/search/index.astro). */
const SEARCH_INPUT = '#search-q, main input[type="search"]';
const SEARCH_RESULT = '#search-results:not([hidden]) > li, [data-search-result]';
/** Caches a cold build starts without (Astro's content layer store, Vite's and Astro's generated files, ours). */
const CACHE_DIRS = [
  'node_modules/.astro',
  'node_modules/.vite',
  '.astro',
  'node_modules/.cache/zaitaku-atlas',
  'node_modules/.cache/node-compile-cache',
];
/**
 * Phase markers in the build's output. A phase ends at its `end` marker and starts at its `start`
 * marker if it printed one, else at the previous end (or the start of the command).
 */
const MARKERS: {
  phase: string | ((m: RegExpMatchArray) => string);
  edge: 'start' | 'end' | ((m: RegExpMatchArray) => 'start' | 'end');
  pattern: RegExp;
}[] = [
  { phase: 'check', edge: 'end', pattern: /✓ data is valid/ },
  { phase: 'astro build', edge: 'end', pattern: /\[build\] Complete!/ },
  { phase: 'search index', edge: 'end', pattern: /✓ search index/ },
  {
    phase: (m) => m[1]!,
    edge: (m) => (m[2] === 'start' ? 'start' : 'end'),
    pattern: /\[atlas:phase\] (\S+) (start|done)/,
  },
];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    'skip-floor': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes!.split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
if (SIZES.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes takes whole numbers, e.g. 200,1000; found ${values.sizes}`);
const RUNS = Number(values.runs);
const PORT = Number(process.env.ATLAS_PORT_BASE ?? 4320) + 8;

// ── process-tree measurement ────────────────────────────────────────────────────────────────────
const CLK_TCK = Number(tryExec('getconf', ['CLK_TCK']) ?? 100) || 100;
const PAGE_SIZE = Number(tryExec('getconf', ['PAGESIZE']) ?? 4096) || 4096;
const GNU_TIME =
  existsSync('/usr/bin/time') && /GNU/.test(tryExec('/usr/bin/time', ['--version'], true) ?? '')
    ? '/usr/bin/time'
    : undefined;

function tryExec(cmd: string, args: string[], stderr = false): string | undefined {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', stderr ? 'pipe' : 'ignore'] }).trim();
  } catch (err) {
    return stderr ? String((err as { stderr?: string }).stderr ?? '') : undefined;
  }
}

interface ProcInfo {
  ppid: number;
  cpu: number;
  rss: number;
}
function procTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 4 (ppid), 14–17 (utime, stime, cutime, cstime: reaped children are in their parent's c*time), 24 (rss).
      table.set(Number(name), {
        ppid: Number(f[1]),
        cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLK_TCK,
        rss: Number(f[21]) * PAGE_SIZE,
      });
    } catch {
      /* the process ended while we read */
    }
  }
  return table;
}
/** CPU seconds, summed RSS and largest RSS of a process and its live descendants. */
function treeUsage(root: number): { cpu: number; rss: number; maxRss: number } {
  const table = procTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let cpu = 0,
    rss = 0,
    maxRss = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (p) {
      cpu += p.cpu;
      rss += p.rss;
      maxRss = Math.max(maxRss, p.rss);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { cpu, rss, maxRss };
}
/** CPU seconds of this process's reaped children (the kernel adds a child's tree when it is waited for). */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / CLK_TCK;
}

interface Phase {
  name: string;
  wall: number;
  cpu: number;
}
interface Measured {
  command: string;
  ok: boolean;
  exitCode: number | null;
  wall: number;
  cpu: number;
  /** Largest single process (GNU time's maximum resident set size, else the sampled maximum). */
  peakRss: number;
  /** All processes of the tree together, sampled every 200 ms. */
  peakRssTree: number;
  phases: Phase[];
  log: string;
  tail: string[];
}

export function measure(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; log: string },
): Promise<Measured> {
  const timeFile = `${opts.log}.time`;
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const logStream = createWriteStream(opts.log);
  const tail: string[] = [];
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peakRssTree = 0,
    peakRssOne = 0,
    lastCpu = 0;
  const sample = () => {
    if (!child.pid) return;
    const u = treeUsage(child.pid);
    peakRssTree = Math.max(peakRssTree, u.rss);
    peakRssOne = Math.max(peakRssOne, u.maxRss);
    lastCpu = Math.max(lastCpu, u.cpu);
  };
  const timer = setInterval(sample, 200);
  const marks: { name: string; edge: 'start' | 'end'; at: number; cpu: number }[] = [];
  const onLine = (raw: string) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    logStream.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 40) tail.shift();
    for (const m of MARKERS) {
      const match = line.match(m.pattern);
      if (!match) continue;
      const name = typeof m.phase === 'string' ? m.phase : m.phase(match);
      const edge = typeof m.edge === 'string' ? m.edge : m.edge(match);
      if (marks.some((x) => x.name === name && x.edge === edge)) continue;
      sample();
      marks.push({ name, edge, at: (performance.now() - started) / 1000, cpu: lastCpu });
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      lines.forEach(onLine);
    });
    stream.on('end', () => buffered && onLine(buffered));
  }
  return new Promise((done) => {
    child.on('close', (code) => {
      clearInterval(timer);
      logStream.end();
      const wall = (performance.now() - started) / 1000;
      let cpu = childrenCpu() - cpuBefore;
      let peakRss = peakRssOne;
      if (GNU_TIME && existsSync(timeFile)) {
        const fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        if (fields.length === 4 && fields.every(Number.isFinite)) {
          cpu = fields[1]! + fields[2]!;
          peakRss = fields[3]! * 1024;
        }
      }
      const phases: Phase[] = [];
      let at = 0,
        spent = 0;
      for (const end of marks.filter((m) => m.edge === 'end').sort((a, b) => a.at - b.at)) {
        const start = marks.find((m) => m.edge === 'start' && m.name === end.name);
        const from = start ?? { at, cpu: spent };
        phases.push({ name: end.name, wall: end.at - from.at, cpu: Math.max(0, end.cpu - from.cpu) });
        // Phases with their own start marker may be nested in another: they do not cut the sequence.
        if (start) continue;
        at = end.at;
        spent = Math.max(spent, end.cpu);
      }
      if (phases.length) phases.push({ name: 'after last marker', wall: wall - at, cpu: Math.max(0, cpu - spent) });
      done({
        command: [cmd, ...args].join(' '),
        ok: code === 0,
        exitCode: code,
        wall,
        cpu,
        peakRss,
        peakRssTree,
        phases,
        log: opts.log,
        tail,
      });
    });
  });
}

// ── output analysis ─────────────────────────────────────────────────────────────────────────────
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
}
function analyseDist(dist: string) {
  const files = walk(dist);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const html = files.filter((f) => f.endsWith('.html'));
  const gz = (buf: Buffer | string) => gzipSync(buf, { level: 6 }).length;
  const assets = new Map<string, number>();
  const asset = (href: string) => {
    if (!assets.has(href)) {
      const path = join(dist, href.replace(/^\/+/, '').split(/[?#]/)[0]!);
      assets.set(href, existsSync(path) ? gz(readFileSync(path)) : 0);
    }
    return assets.get(href)!;
  };
  const heaviest = new Map<string, PageWeight>();
  const heaviestItem = new Map<string, PageWeight>();
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    const css = [...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
      .map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1])
      .filter((h): h is string => !!h && h.startsWith('/'))
      .reduce((n, h) => n + asset(h), 0);
    const js = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((h) => h.startsWith('/'))
      .reduce((n, h) => n + asset(h), 0);
    const page = `/${relative(dist, file)
      .split(sep)
      .join('/')
      .replace(/(^|\/)index\.html$/, '$1')}`;
    const segments = page.split('/').filter(Boolean);
    if (segments[0] === 'en') segments.shift();
    const kind = segments[0] ?? '(home)';
    const row = { page, html: gz(text), css, js, total: 0 };
    row.total = row.html + row.css + row.js;
    if ((heaviest.get(kind)?.total ?? -1) < row.total) heaviest.set(kind, row);
    // Also the heaviest page below the kind's own index (e.g. a program page, not /programs/).
    if (segments.length > 1 && (heaviestItem.get(kind)?.total ?? -1) < row.total) heaviestItem.set(kind, row);
  }
  const byWeight = (m: Map<string, PageWeight>) => Object.fromEntries([...m].sort((a, b) => b[1].total - a[1].total));
  return {
    files: files.length,
    bytes,
    pages: html.length,
    heaviest: byWeight(heaviest),
    heaviestItem: byWeight(heaviestItem),
  };
}

/** Bytes of each language's Pagefind index (index chunks, fragments, filters, metadata, the search page's lists). */
function pagefindSizes(dist: string): Record<string, { pages: number; bytes: number; parts: Record<string, number> }> {
  const out: Record<string, { pages: number; bytes: number; parts: Record<string, number> }> = {};
  for (const { lang, dir } of indexFolders(join(dist, 'pagefind'))) {
    const files = walk(dir).map((f) => ({ rel: relative(dir, f).split(sep).join('/'), size: statSync(f).size }));
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const sum = (test: (rel: string) => boolean) => files.filter((f) => test(f.rel)).reduce((n, f) => n + f.size, 0);
    const parts = {
      index: sum((r) => r.startsWith('index/')),
      fragments: sum((r) => r.startsWith('fragment/')),
      filters: sum((r) => r.startsWith('filter/')),
      meta: sum((r) => r.endsWith('.pf_meta')),
      filterList: sum((r) => r === `filters-${lang}.json`),
      suggestions: sum((r) => r === `suggest-${lang}.json`),
    };
    out[lang] = {
      pages: entry.languages[lang]!.page_count,
      bytes: Object.values(parts).reduce((a, b) => a + b, 0),
      parts,
    };
  }
  return out;
}

// ── search in Chromium ──────────────────────────────────────────────────────────────────────────
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

function staticServer(root: string) {
  const log: { path: string; bytes: number; compressed: number }[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const body = readFileSync(file);
    // A host that compresses text would send brotli; Pagefind's own files are gzip already.
    const compressed = COMPRESSIBLE.has(extname(file)) ? brotliCompressSync(body).length : body.length;
    log.push({ path, bytes: body.length, compressed });
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  return {
    log,
    listen: () =>
      new Promise<string>((ok, fail) => {
        server.once('error', fail);
        server.listen(PORT, '127.0.0.1', () => ok(`http://127.0.0.1:${PORT}`));
      }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

interface SearchResult {
  query: string;
  runs: number;
  msToFirstResult: number[];
  medianMs: number;
  bytes: number;
  compressedBytes: number;
  requests: number;
  files: { path: string; bytes: number; compressed: number }[];
}
async function measureSearch(dist: string): Promise<SearchResult> {
  const { chromium } = await import('@playwright/test');
  const server = staticServer(dist);
  const url = await server.listen();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const times: number[] = [];
  let first: SearchResult['files'] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.log.length = 0;
      await page.goto(`${url}/search/`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await page.locator(SEARCH_INPUT).first().focus();
      // Time from the input event (the "last keystroke": an IME commits 訪問看護 as one input) to a result in the list.
      await page.evaluate((selector) => {
        const w = window as unknown as { benchFirstResult: Promise<number> };
        w.benchFirstResult = new Promise((ok, fail) => {
          let typedAt = -1;
          document.addEventListener(
            'input',
            (e) => {
              typedAt = e.timeStamp;
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            if (typedAt >= 0 && document.querySelector(selector)) {
              observer.disconnect();
              ok(performance.now() - typedAt);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          setTimeout(() => fail(new Error('no search result within 60 s')), 60_000);
        });
      }, SEARCH_RESULT);
      await page.keyboard.insertText(QUERY);
      times.push(
        await page.evaluate(() => (window as unknown as { benchFirstResult: Promise<number> }).benchFirstResult),
      );
      if (run === 0) first = [...server.log];
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    query: QUERY,
    runs: RUNS,
    msToFirstResult: times.map((t) => Math.round(t)),
    medianMs: Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!),
    bytes: first.reduce((n, f) => n + f.bytes, 0),
    compressedBytes: first.reduce((n, f) => n + f.compressed, 0),
    requests: first.length,
    files: first,
  };
}

// ── the floor: bare Astro + Pagefind CLI ────────────────────────────────────────────────────────
function writeFloorProject(dir: string, dataDir: string) {
  mkdirSync(join(dir, 'src', 'pages', '[lang]', 'programs'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'atlas-floor', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
// The cache would otherwise go into the symlinked node_modules, shared with the project.
export default defineConfig({ outDir: './dist', cacheDir: './.astro-cache', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { programs: defineCollection({ loader: glob({ pattern: '*.yaml', base: ${JSON.stringify(join(dataDir, 'programs'))} }) }) };
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[lang]', 'programs', '[id].astro'),
    `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const programs = await getCollection('programs');
  return ['ja', 'en'].flatMap((lang) => programs.map((p) => ({ params: { lang, id: p.data.id }, props: { name: p.data.name[lang] } })));
}
const { lang, id } = Astro.params;
const { name } = Astro.props;
---
<html lang={lang}><head><meta charset="utf-8"><title>{name}</title></head><body><main><h1>{name}</h1><p>{id}</p></main></body></html>
`,
  );
}

// ── running one size ────────────────────────────────────────────────────────────────────────────
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${BIN}:${process.env.PATH ?? ''}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...extra,
});
const s = (x: number) => x.toFixed(1);
function succeeded(m: Measured, what: string): Measured {
  if (!m.ok) throw new Error(`${what} failed (exit ${m.exitCode}); log: ${m.log}\n${m.tail.slice(-15).join('\n')}`);
  return m;
}

async function benchSize(n: number, work: string, logs: string) {
  const dataDir = join(work, `data-${n}`);
  const outDir = join(work, `dist-${n}`);
  const result: Record<string, unknown> = { programs: n, loadavgAtStart: loadavg().map((x) => Number(x.toFixed(2))) };
  const say = (msg: string) => console.error(`[bench N=${n}] ${msg}`);

  say('generating data');
  const t = performance.now();
  const generated: GenerateSummary = generateData({ programs: n, out: dataDir, seed: Number(values.seed) });
  result.generate = { seconds: (performance.now() - t) / 1000, ...generated };

  say('npm run check (cold)');
  const checkEnv = env({ ATLAS_DATA_DIR: dataDir });
  const checkCold = succeeded(
    await measure('npm', ['run', '-s', 'check'], { cwd: ROOT, env: checkEnv, log: join(logs, `check-cold-${n}.log`) }),
    'npm run check',
  );
  const touched = join(dataDir, 'programs', readdirSync(join(dataDir, 'programs')).sort()[0]!);
  const original = readFileSync(touched);
  appendFileSync(touched, '# changed by the benchmark\n');
  say('npm run check (one file changed: a comment appended)');
  const checkTouched = succeeded(
    await measure('npm', ['run', '-s', 'check'], {
      cwd: ROOT,
      env: checkEnv,
      log: join(logs, `check-touched-${n}.log`),
    }),
    'npm run check',
  );
  writeFileSync(touched, original);
  result.check = { cold: brief(checkCold), afterChangingOneFile: brief(checkTouched) };

  say('npm run build (cold)');
  for (const dir of CACHE_DIRS) rmSync(join(ROOT, dir), { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const build = succeeded(
    await measure('npm', ['run', '-s', 'build'], {
      cwd: ROOT,
      env: env({ ATLAS_DATA_DIR: dataDir, ATLAS_OUT_DIR: outDir }),
      log: join(logs, `build-${n}.log`),
    }),
    'npm run build',
  );
  result.loadavgAfterBuild = loadavg().map((x) => Number(x.toFixed(2)));
  say('measuring the output');
  const dist = analyseDist(outDir);
  result.build = {
    ...brief(build),
    pages: dist.pages,
    msPerPage: (build.wall * 1000) / dist.pages,
    msPerProgram: (build.wall * 1000) / n,
    cpuMsPerProgram: (build.cpu * 1000) / n,
    distBytes: dist.bytes,
    distFiles: dist.files,
    heaviestPageByKind: dist.heaviest,
    heaviestPageBelowKindIndex: dist.heaviestItem,
    pagefind: pagefindSizes(outDir),
  };

  if (!values['skip-search']) {
    say(`search in Chromium (${RUNS} runs)`);
    result.search = await measureSearch(outDir);
  }

  if (!values['skip-floor']) {
    say('floor: bare Astro + Pagefind CLI');
    const floorDir = join(work, `floor-${n}`);
    rmSync(floorDir, { recursive: true, force: true });
    writeFloorProject(floorDir, dataDir);
    const astro = succeeded(
      await measure(join(BIN, 'astro'), ['build'], {
        cwd: floorDir,
        env: env({}),
        log: join(logs, `floor-astro-${n}.log`),
      }),
      'floor astro build',
    );
    const pf = succeeded(
      await measure(join(BIN, 'pagefind'), ['--site', join(floorDir, 'dist')], {
        cwd: floorDir,
        env: env({}),
        log: join(logs, `floor-pagefind-${n}.log`),
      }),
      'floor pagefind',
    );
    const floorPages = walk(join(floorDir, 'dist')).filter((f) => f.endsWith('.html')).length;
    const floor = {
      wall: astro.wall + pf.wall,
      cpu: astro.cpu + pf.cpu,
      peakRss: Math.max(astro.peakRss, pf.peakRss),
      peakRssTree: Math.max(astro.peakRssTree, pf.peakRssTree),
      pages: floorPages,
      astro: brief(astro),
      pagefind: brief(pf),
    };
    result.floor = floor;
    result.ratio = {
      wall: build.wall / floor.wall,
      cpu: build.cpu / floor.cpu,
      peakRss: build.peakRss / floor.peakRss,
    };
    if (!values.keep) rmSync(floorDir, { recursive: true, force: true });
  }
  if (!values.keep) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

function brief(m: Measured) {
  return {
    command: m.command,
    wall: m.wall,
    cpu: m.cpu,
    peakRss: m.peakRss,
    peakRssTree: m.peakRssTree,
    phases: m.phases,
  };
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────
const KB = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const MB = (b: number) => `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const GB = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GB` : MB(b));
const fmt = (x: number) => x.toLocaleString('en-US');

function table(results: any[]): string {
  const rows: [string, (r: any) => string][] = [
    [
      'generated data (files, size, seconds)',
      (r) => `${fmt(r.generate.files)} files, ${MB(r.generate.bytes)}, ${s(r.generate.seconds)} s`,
    ],
    ['check cold (wall / CPU)', (r) => `${s(r.check.cold.wall)} / ${s(r.check.cold.cpu)} s`],
    [
      'check after changing one file',
      (r) => `${s(r.check.afterChangingOneFile.wall)} / ${s(r.check.afterChangingOneFile.cpu)} s`,
    ],
    ['full build (wall / CPU)', (r) => `${s(r.build.wall)} / ${s(r.build.cpu)} s`],
    ...[0, 1, 2, 3, 4].map((i): [string, (r: any) => string] => [
      `  phase ${i + 1}`,
      (r) =>
        r.build.phases[i]
          ? `${r.build.phases[i].name}: ${s(r.build.phases[i].wall)} / ${s(r.build.phases[i].cpu)} s`
          : '',
    ]),
    ['peak RSS (largest process / all)', (r) => `${GB(r.build.peakRss)} / ${GB(r.build.peakRssTree)}`],
    ['pages', (r) => fmt(r.build.pages)],
    ['ms per page / per program (wall)', (r) => `${s(r.build.msPerPage)} / ${s(r.build.msPerProgram)}`],
    ['output size', (r) => `${MB(r.build.distBytes)} in ${fmt(r.build.distFiles)} files`],
    [
      'Pagefind index per language',
      (r) =>
        Object.entries(r.build.pagefind)
          .sort()
          .reverse()
          .map(([l, v]: [string, any]) => `${l} ${MB(v.bytes)}`)
          .join(', '),
    ],
    [
      `search ${QUERY}: fetched (raw / compressed)`,
      (r) =>
        r.search
          ? `${KB(r.search.bytes)} / ${KB(r.search.compressedBytes)} (${r.search.requests} requests)`
          : 'skipped',
    ],
    [
      `search ${QUERY}: first result (median)`,
      (r) => (r.search ? `${r.search.medianMs} ms (${r.search.msToFirstResult.join(', ')})` : 'skipped'),
    ],
    ['floor astro (wall / CPU)', (r) => (r.floor ? `${s(r.floor.astro.wall)} / ${s(r.floor.astro.cpu)} s` : 'skipped')],
    [
      'floor pagefind CLI (wall / CPU)',
      (r) => (r.floor ? `${s(r.floor.pagefind.wall)} / ${s(r.floor.pagefind.cpu)} s` : 'skipped'),
    ],
    [
      'floor total (wall / CPU)',
      (r) => (r.floor ? `${s(r.floor.wall)} / ${s(r.floor.cpu)} s, ${fmt(r.floor.pages)} pages` : 'skipped'),
    ],
    [
      'floor peak RSS (largest / all)',
      (r) => (r.floor ? `${GB(r.floor.peakRss)} / ${GB(r.floor.peakRssTree)}` : 'skipped'),
    ],
    [
      'ratio full / floor (wall / CPU / RSS)',
      (r) =>
        r.ratio ? `${r.ratio.wall.toFixed(2)} / ${r.ratio.cpu.toFixed(2)} / ${r.ratio.peakRss.toFixed(2)}` : 'skipped',
    ],
    ['load average (1, 5, 15 min) at start', (r) => r.loadavgAtStart.join(' ')],
    ['load average after the build', (r) => r.loadavgAfterBuild.join(' ')],
  ];
  const header = ['', ...results.map((r) => `N = ${fmt(r.programs)}`)];
  const body = rows
    .map(([label, cell]) => [label, ...results.map((r) => cell(r))])
    .filter((row) => row.slice(1).some((c) => c !== ''));
  // Japanese characters take two columns in a terminal.
  const width = (text: string) =>
    [...text].reduce(
      (n, ch) =>
        n +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
          ? 2
          : 1),
      0,
    );
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => width(row[i]!))));
  const line = (row: string[]) => `| ${row.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  for (const r of results) {
    out.push('', `Heaviest page of each kind at N = ${fmt(r.programs)} (gzipped HTML + CSS + JS):`);
    const weight = (p: PageWeight) =>
      `${KB(p.total).padStart(7)}  (html ${KB(p.html)}, css ${KB(p.css)}${p.js ? `, js ${KB(p.js)}` : ''})  ${p.page}`;
    for (const [kind, p] of Object.entries(r.build.heaviestPageByKind) as [string, PageWeight][]) {
      out.push(`  ${kind.padEnd(14)} ${weight(p)}`);
      const item = r.build.heaviestPageBelowKindIndex[kind] as PageWeight | undefined;
      if (item && item.page !== p.page) out.push(`  ${'  └ below it'.padEnd(14)} ${weight(item)}`);
    }
  }
  return out.join('\n');
}

async function main() {
  const startedAt = new Date();
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const stamp = startedAt
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const outFile = resolve(values.out ?? join(ROOT, 'bench-results', `${stamp}.json`));
  // The output of every measured command, kept next to the figures.
  const logs = outFile.replace(/\.json$/, '') + '-logs';
  mkdirSync(logs, { recursive: true });
  const meta = {
    startedAt: startedAt.toISOString(),
    commit: tryExec('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    node: process.version,
    astro: JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version,
    pagefind: JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version,
    cpus: cpus().length,
    memoryBytes: totalmem(),
    gnuTime: !!GNU_TIME,
    options: {
      sizes: SIZES,
      floor: !values['skip-floor'],
      search: !values['skip-search'],
      runs: RUNS,
      seed: Number(values.seed),
    },
    work,
    logs,
  };
  console.error(
    `[bench] sizes ${SIZES.join(', ')}; work directory ${work}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const results = [];
  try {
    for (const n of SIZES) {
      results.push(await benchSize(n, work, logs));
      // Written after each size, so a long run that is cut off keeps what it measured.
      writeFileSync(outFile, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
  console.log(table(results));
  console.log(
    `\nFigures written to ${relative(process.cwd(), outFile) || outFile}${values.keep ? `; work directory kept: ${work}` : ''}`,
  );
}

if (import.meta.main) {
  main().catch((err) => {
    console.error(`✗ bench: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
