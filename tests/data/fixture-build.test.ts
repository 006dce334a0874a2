/**
 * One build of the valid fixture tree (with tests/fixtures/good/ laid over it), checked for what the
 * real data does not exercise: data text is always escaped on output (a summary containing <script>
 * and {{ }} builds, the page shows it as text, and its CSP still allows no script); rare kanji and
 * emoji round-trip unchanged; a program's former id becomes a redirect (a meta-refresh page, a line
 * in _redirects), left out of the sitemap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, VALID } from '../helpers/fixtures.ts';
import { metaPolicyOf } from '../../src/lib/csp.ts';

let ja = '';
let en = '';
let outDir = '';

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'atlas-escape-'));
  const dataRoot = join(base, 'data');
  cpSync(VALID, dataRoot, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/good/escaping-and-rare-text/data'), dataRoot, { recursive: true });
  outDir = join(base, 'dist');
  const run = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: dataRoot, ATLAS_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`fixture build failed:\n${run.stdout}\n${run.stderr}`);
  // Quoted attribute values (meta description, search metadata) may hold '<' harmlessly; what must never
  // appear is markup outside them, so attribute values are blanked before the assertions.
  const body = (html: string) => html.slice(html.indexOf('<body')).replace(/="[^"]*"/g, '=""');
  ja = body(readFileSync(join(outDir, 'programs/nursing-recruitment/index.html'), 'utf8'));
  en = body(readFileSync(join(outDir, 'en/programs/nursing-recruitment/index.html'), 'utf8'));
});

describe('data text on pages', () => {
  it('escapes <script> in a summary instead of running it', () => {
    expect(ja).not.toContain('<script>alert(1)</script>');
    expect(ja).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(en).not.toMatch(/<script>alert\('en'\)/);
    expect(en).not.toContain('<img src=x');
    expect(en).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
  it('leaves template braces as text', () => {
    expect(ja).toContain('{{ constructor }}');
    expect(en).toContain('{{ x }}');
  });
  it("does not widen the page's CSP: data text holding <script> leaves script-src 'none'", () => {
    for (const page of ['programs/nursing-recruitment/index.html', 'en/programs/nursing-recruitment/index.html']) {
      const policy = metaPolicyOf(readFileSync(join(outDir, page), 'utf8'));
      expect(policy?.get('script-src'), page).toEqual(["'none'"]);
    }
  });
  it('round-trips rare kanji and emoji', () => {
    expect(ja).toContain('訪問看護人材確保事業（𠮷野・髙橋・﨑・🏥）');
    expect(en).toContain('Home-visit Nursing Recruitment Program (🏥 test)');
  });
});

describe('a former program id', () => {
  const from = '/programs/home-ventilator-support/';
  const to = '/programs/ventilator-support/';
  it('is a page that sends readers on to the current page, in both languages', () => {
    for (const [old, current] of [
      [from, to],
      [`/en${from}`, `/en${to}`],
    ] as const) {
      const html = readFileSync(join(outDir, old, 'index.html'), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${current}">`);
      expect(html).toContain('<meta name="robots" content="noindex">');
    }
  });
  it('is a 301 in _redirects, with and without the trailing slash', () => {
    const file = readFileSync(join(outDir, '_redirects'), 'utf8');
    expect(file).toContain(`${from} ${to} 301\n`);
    expect(file).toContain(`/en${from.slice(0, -1)} /en${to} 301\n`);
  });
  it('is not in the sitemap, which lists the current page', () => {
    const sitemap = readFileSync(join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain(from);
    expect(sitemap).toContain(`${to}</loc>`);
  });
});
