/**
 * npm run build:publish: the build that is published. It refuses to run without SITE_URL (the real origin,
 * printed in every page's URL line, citation, QR code and print margins, the sitemap and canonical links);
 * a plain `npm run build` uses a placeholder origin and marks every page as a preview.
 */
import { spawnSync } from 'node:child_process';
import { publicationOrigin } from '../src/lib/urls.ts';

try {
  const origin = publicationOrigin();
  console.log(`Building for publication at ${origin}`);
} catch (error) {
  console.error(`build:publish: ${(error as Error).message}`);
  process.exit(1);
}
const result = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
