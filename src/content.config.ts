/**
 * Content collections. Each collection's entries come from src/data/load.ts (the `yaml` package,
 * with file:line:column errors) and are validated by the schema modules in src/schemas/.
 * `npm run build` runs `npm run check` first, so a build never starts on invalid data; the loader
 * still refuses to continue if it finds a problem (e.g. when `astro dev` runs on its own).
 */
import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from './schemas/index.ts';
import { checkData } from './data/index.ts';
import { formatProblem } from './data/load.ts';

const projectRoot = resolve(process.cwd());
// ATLAS_DATA_DIR lets tests build the site from a fixture data tree.
const dataRoot = process.env.ATLAS_DATA_DIR ? resolve(process.env.ATLAS_DATA_DIR) : undefined;
let checked: ReturnType<typeof checkData> | undefined;

function loaded() {
  checked ??= checkData(projectRoot, dataRoot);
  if (checked.problems.length) {
    throw new Error(`data has ${checked.problems.length} problem(s):\n${checked.problems.map(formatProblem).join('\n')}`);
  }
  return checked;
}

function collection<N extends CollectionName>(name: N) {
  return defineCollection({
    loader: async () =>
      loaded()
        .entries.filter((e) => e.collection === name)
        .map((e) => ({ ...(e.data as Record<string, unknown>), id: e.id })),
    schema: COLLECTIONS[name].schema as (typeof COLLECTIONS)[N]['schema'],
  });
}

export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as {
  [N in CollectionName]: ReturnType<typeof collection<N>>;
};
