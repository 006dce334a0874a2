/**
 * The Content-Security-Policy of the built site, page by page and in `_headers`:
 * - every page's CSP meta is the first element after <meta charset>, before the title and description,
 *   which hold data text;
 * - a page that runs no script has script-src 'none' (no hashes, no 'wasm-unsafe-eval'); only the pages
 *   that run script (the search pages) allow script, with 'wasm-unsafe-eval' for Pagefind;
 * - every inline <style> of a page is allowed by a hash in that page's style-src;
 * - `_headers` is well-formed, gives every path the security headers, and gives every page exactly one CSP
 *   rule whose scripts are those of the page's meta.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { assertBuilt, DIST, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';
import {
  cspMetaFirst,
  metaPolicyOf,
  parseHeadersFile,
  parsePolicy,
  patternMatches,
  runsScript,
} from '../../src/lib/csp.ts';

beforeAll(assertBuilt);

const pages = () =>
  htmlFiles()
    .map((file) => ({ path: urlPathOf(file), html: read(file) }))
    .filter(({ html }) => !/<meta http-equiv="refresh"/.test(html));

describe('each page', () => {
  it('has its CSP meta first in <head>, right after <meta charset>', () => {
    const wrong = pages()
      .filter(({ html }) => !cspMetaFirst(html))
      .map(({ path }) => path);
    expect(wrong).toEqual([]);
  });

  it("allows no script unless it runs one: script-src 'none', no hash, no 'wasm-unsafe-eval'", () => {
    const problems: string[] = [];
    let withoutScript = 0;
    for (const { path, html } of pages()) {
      const policy = metaPolicyOf(html)!;
      const scripts = policy.get('script-src') ?? [];
      if (runsScript(html)) {
        if (!/\/search\/$/.test(path)) problems.push(`${path}: runs script`);
        if (!scripts.includes("'self'") || !scripts.includes("'wasm-unsafe-eval'"))
          problems.push(`${path}: runs script but script-src is ${scripts.join(' ')}`);
      } else {
        withoutScript++;
        if (scripts.join(' ') !== "'none'") problems.push(`${path}: no script, but script-src ${scripts.join(' ')}`);
        if ([...policy.values()].flat().includes("'wasm-unsafe-eval'")) problems.push(`${path}: wasm-unsafe-eval`);
        if (policy.has('script-src-elem') || policy.has('script-src-attr')) problems.push(`${path}: script-src-*`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(withoutScript).toBeGreaterThan(100);
  });

  it('runs script only on the search pages, in both languages', () => {
    const running = pages()
      .filter(({ html }) => runsScript(html))
      .map(({ path }) => path);
    expect(running.sort()).toEqual(['/en/search/', '/search/']);
  });

  it("allows each of its inline <style> elements by a hash in its own style-src (no 'unsafe-inline')", () => {
    const problems: string[] = [];
    for (const { path, html } of pages()) {
      const styles = metaPolicyOf(html)!.get('style-src') ?? [];
      if (styles.includes("'unsafe-inline'")) problems.push(`${path}: style-src allows 'unsafe-inline'`);
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
        const hash = `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`;
        if (!styles.includes(hash)) problems.push(`${path}: inline style ${m[1]!.slice(0, 60)}… not allowed`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('_headers', () => {
  const rules = () => parseHeadersFile(read(join(DIST, '_headers')));

  it('gives every path nosniff, a referrer policy and no framing', () => {
    const all = rules().get('/*');
    expect(all?.get('X-Content-Type-Options')).toBe('nosniff');
    expect(all?.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(all?.get('X-Frame-Options')).toBe('DENY');
    for (const [pattern, headers] of rules()) {
      const csp = headers.get('Content-Security-Policy');
      if (csp) expect(parsePolicy(csp).get('frame-ancestors'), pattern).toEqual(["'none'"]);
    }
  });

  it("covers every page with exactly one CSP rule whose scripts match the page's meta", () => {
    const cspRules = [...rules()].filter(([, headers]) => headers.has('Content-Security-Policy'));
    const problems: string[] = [];
    const kinds = new Set<string>();
    for (const { path, html } of pages()) {
      const matching = cspRules.filter(([pattern]) => patternMatches(pattern, path));
      if (matching.length !== 1) {
        problems.push(`${path}: ${matching.length} CSP rules (${matching.map(([p]) => p).join(', ')})`);
        continue;
      }
      const [pattern, headers] = matching[0]!;
      kinds.add(pattern);
      const header = parsePolicy(headers.get('Content-Security-Policy')!);
      const meta = metaPolicyOf(html)!;
      if (header.get('script-src')?.join(' ') !== meta.get('script-src')?.join(' '))
        problems.push(`${path}: header script-src ${header.get('script-src')} ≠ meta ${meta.get('script-src')}`);
      for (const name of ['default-src', 'img-src', 'object-src', 'base-uri', 'form-action'])
        if (header.get(name)?.join(' ') !== meta.get(name)?.join(' ')) problems.push(`${path}: ${name} differs`);
      const styles = header.get('style-src') ?? [];
      if (styles.join(' ') !== "'self' 'unsafe-inline'") problems.push(`${path}: header style-src ${styles.join(' ')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // Both languages' home, search and a few sections: the file covers the page kinds.
    for (const kind of ['/', '/en/', '/search/*', '/en/search/*', '/programs/*', '/en/programs/*', '/404.html'])
      expect(kinds, kind).toContain(kind);
  });

  it("allows WebAssembly and script only on the search pages' rules", () => {
    for (const [pattern, headers] of rules()) {
      const csp = headers.get('Content-Security-Policy');
      if (!csp) continue;
      const scripts = parsePolicy(csp).get('script-src')!;
      if (pattern.endsWith('/search/*')) expect(scripts, pattern).toContain("'wasm-unsafe-eval'");
      else expect(scripts, pattern).toEqual(["'none'"]);
    }
  });
});
