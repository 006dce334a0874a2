/**
 * The modules `npm run check` loads after an edit (check-edit-modules.ts: the loader, the rules, the schemas, zod
 * and js-yaml, some 135 files) as one file, made with esbuild by a full check and kept in node_modules/.cache under
 * the hash of the code it was made from (checkCodeHash). Node's ESM loader resolves, reads, links and evaluates each
 * file apart; at 10,000 programs that cost ~0.1 s of CPU of an edit's ~0.8 s, and the bundle cuts it by about that.
 *
 * The bundle is used only when its name is the hash of the code as it is now, and it is made again from the code
 * whenever that changes; with no bundle (none made yet, a read-only checkout, ATLAS_CHECK_BUNDLE=0) the modules are
 * imported as they are. tests/unit/check-bundle.test.ts checks that both print the same lines.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCodeHash } from './check-result.ts';
import { writeFileAtomically } from './cache.ts';

type EditModules = typeof import('./check-edit-modules.ts');

const bundleDir = (projectRoot: string) => join(projectRoot, 'node_modules/.cache/zaitaku-atlas');
const bundlePath = (projectRoot: string, codeHash: string) => join(bundleDir(projectRoot), `check-${codeHash}.mjs`);

const useBundle = (env: Record<string, string | undefined>) => env.ATLAS_CHECK_BUNDLE !== '0';

/** The edit check's modules: the bundle of `codeHash` if there is one, else the modules themselves. */
export async function editModules(
  projectRoot: string,
  codeHash: string,
  env: Record<string, string | undefined> = process.env,
): Promise<EditModules> {
  const path = bundlePath(projectRoot, codeHash);
  if (useBundle(env) && existsSync(path)) {
    try {
      return (await import(pathToFileURL(path).href)) as EditModules;
    } catch {
      // A broken bundle (cut short): the modules themselves; the next full check makes it again.
    }
  }
  return import('./check-edit-modules.ts');
}

/**
 * Makes the bundle of the code whose hash is `codeHash` (after a full check) unless it exists, and removes those of
 * other code. Nothing is kept when the code changed while it was being bundled, or esbuild cannot be loaded.
 */
export async function makeEditBundle(
  projectRoot: string,
  codeHash: string,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  if (!useBundle(env)) return;
  const path = bundlePath(projectRoot, codeHash);
  if (existsSync(path)) return;
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [join(import.meta.dirname, 'check-edit-modules.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      write: false,
      logLevel: 'silent',
    });
    if (checkCodeHash(projectRoot) !== codeHash) return;
    mkdirSync(bundleDir(projectRoot), { recursive: true });
    for (const name of readdirSync(bundleDir(projectRoot))) {
      if (/^check-.*\.mjs$/.test(name)) rmSync(join(bundleDir(projectRoot), name), { force: true });
    }
    writeFileAtomically(path, result.outputFiles[0]!.contents);
  } catch {
    // No esbuild, or a read-only checkout: the modules are imported as they are.
  }
}
