/** The checked data of the repository as collections (what lib/site-data.ts gives pages, without Astro). */
import { checkData } from '../../src/data/index.ts';
import { COLLECTION_NAMES, type Collections } from '../../src/schemas/index.ts';
import { ROOT } from './fixtures.ts';

export function repositoryCollections(dataRoot?: string): Collections {
  const checked = checkData(ROOT, dataRoot);
  if (checked.problems.length) throw new Error(`the data has problems: ${checked.problems[0]!.message}`);
  const out = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, [] as unknown[]])) as unknown as Collections;
  for (const e of checked.entries) (out[e.collection] as unknown[]).push(e.data);
  return out;
}
