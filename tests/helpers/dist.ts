/** The built site, for tests that run after `npm run build`. */
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ROOT } from './fixtures.ts';

export const DIST = process.env.ATLAS_OUT_DIR ? resolve(process.env.ATLAS_OUT_DIR) : join(ROOT, 'dist');

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
}

/** Every file under `dir`, as absolute paths. */
export function walk(dir: string): string[] {
  return globSync('**/*', { cwd: dir })
    .map((rel) => join(dir, rel))
    .filter((p) => statSync(p).isFile());
}

/** Every HTML file of the site except the search index's own assets. */
export function htmlFiles(): string[] {
  return walk(DIST)
    .filter((f) => f.endsWith('.html') && !f.includes(`${sep}pagefind${sep}`))
    .sort();
}

/** '/programs/x/' for dist/programs/x/index.html. */
export function urlPathOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** The file that serves a URL path, if any. */
export function fileFor(path: string): string | undefined {
  const clean = decodeURI(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
