/**
 * Content collections: one per entry of the registry in src/schemas/index.ts. Entries come from
 * src/data/load.ts (the `yaml` package, with file:line:column errors), validated once per build:
 * the build integration (src/integrations/atlas.ts) checks the data before Astro builds anything,
 * and the loader reuses that result. It still refuses invalid data, e.g. when `astro dev` starts.
 */
import { defineCollection } from 'astro:content';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from './schemas/index.ts';
import { checkedData } from './data/index.ts';
import { formatProblem } from './data/load.ts';

function validData() {
  const checked = checkedData(process.cwd());
  if (checked.problems.length) {
    throw new Error(
      `data has ${checked.problems.length} problem(s):\n${checked.problems.map(formatProblem).join('\n')}`,
    );
  }
  return checked;
}

function collection<N extends CollectionName>(name: N) {
  return defineCollection({
    loader: async () =>
      validData()
        .entries.filter((e) => e.collection === name)
        .map((e) => ({ ...(e.data as Record<string, unknown>), id: e.id })),
    schema: COLLECTIONS[name].schema as (typeof COLLECTIONS)[N]['schema'],
  });
}

export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as {
  [N in CollectionName]: ReturnType<typeof collection<N>>;
};
