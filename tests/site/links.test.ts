/** Every internal link and #fragment of the built site resolves, in both languages (offline). */
import { beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker } from 'linkinator';
import { assertBuilt, DIST } from '../helpers/dist.ts';

beforeAll(assertBuilt);

describe('links', () => {
  it('has no broken internal link or fragment', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: DIST,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      // On a loaded machine the local server sometimes drops a request (status 0): those, and only those and 5xx,
      // are tried again; a 404 or a missing fragment is never retried.
      retryErrors: true,
      retryErrorsCount: 3,
      retryErrorsJitter: 500,
      // No network here: absolute URLs (canonical, hreflang, og:url) point at the published origin and are checked by hreflang.test.ts.
      linksToSkip: async (link) => /^https?:\/\//.test(link) && !/^http:\/\/(localhost|127\.0\.0\.1)/.test(link),
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map(
        (l) =>
          `${l.status ?? ''} ${l.url} (from ${l.parent})${l.failureDetails ? ` ${JSON.stringify(l.failureDetails).slice(0, 200)}` : ''}`,
      );
    expect(result.links.length).toBeGreaterThan(100);
    expect(broken, broken.join('\n')).toEqual([]);
  }, 300_000);
});
