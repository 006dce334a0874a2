/**
 * npm run urls:update [-- --dist DIR]: appends every public URL of the build that is not yet in
 * tests/url-manifest.txt (one path per line, sorted). URLs are never removed here: a URL that
 * disappears from the build must get a redirect (see the URL-manifest test), not be deleted.
 *
 * Public URLs: every page (directory index.html → /path/, redirect pages of former ids included),
 * plus sitemap.xml, robots.txt and the open-data files: /data/, per-page downloads (.csv, .json), calendars
 * (.ics), Atom feeds (atom.xml) and the JSON Schemas (/schemas/). Not listed: 404.html, _redirects, _astro/ and pagefind/ assets.
 */
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dist: { type: 'string' }, manifest: { type: 'string' } } });
const dist = resolve(values.dist ?? process.env.ATLAS_OUT_DIR ?? 'dist');
const manifest = resolve(values.manifest ?? 'tests/url-manifest.txt');
if (!existsSync(dist)) {
  console.error(`no build at ${dist}: run npm run build first (or pass --dist DIR)`);
  process.exit(2);
}

const built = new Set<string>();
for (const file of globSync('**/*.*', { cwd: dist })) {
  const rel = `/${file.split('\\').join('/')}`;
  if (rel.startsWith('/_astro/') || rel.startsWith('/pagefind/')) continue;
  if (rel.endsWith('/index.html')) built.add(rel.slice(0, -'index.html'.length));
  else if (rel === '/sitemap.xml' || rel === '/robots.txt' || rel.startsWith('/data/') || rel.startsWith('/schemas/'))
    built.add(rel);
  else if (/\.(csv|json|ics)$|\/atom\.xml$/.test(rel)) built.add(rel);
}

const existing = existsSync(manifest)
  ? readFileSync(manifest, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : [];
const known = new Set(existing);
const added = [...built].filter((u) => !known.has(u));
const all = [...new Set([...existing, ...added])].sort();
writeFileSync(manifest, `${all.join('\n')}\n`);
const missing = existing.filter((u) => !built.has(u));
console.log(`${relative(process.cwd(), manifest)}: ${added.length} URL(s) added, ${all.length} in all.`);
for (const u of added) console.log(`  + ${u}`);
if (missing.length)
  console.log(
    `\nIn the manifest but not in this build (${missing.length}) — they need a redirect:\n${missing.map((u) => `  ? ${u}`).join('\n')}`,
  );
