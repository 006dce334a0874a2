/**
 * JSON Schemas of the data files, generated from the zod schemas (one source of truth): one per collection,
 * describing one file of it — an entry (data/programs/<id>.yaml) or a list of entries (data/sources.yaml).
 * Written to public/schemas/ by `npm run schemas` (scripts/schemas.ts); each YAML file names its schema on
 * its first line (`# yaml-language-server: $schema=…`).
 */
import { z } from 'astro/zod';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../schemas/index.ts';

/** Public path of a collection's schema: /schemas/programs.schema.json. */
export const schemaFileOf = (name: CollectionName) => `${name}.schema.json`;

/** The JSON Schema (draft 2020-12) of one data file of the collection. */
export function jsonSchemaOf(name: CollectionName): Record<string, unknown> {
  const spec = COLLECTIONS[name];
  const file = spec.layout === 'list' ? z.array(spec.schema) : spec.schema;
  // io 'input': what a curator writes (fields with defaults are optional); refinements are not representable
  // and are left to `npm run check`.
  const schema = z.toJSONSchema(file, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  const where = spec.layout === 'list' ? `data/${spec.path}` : `data/${spec.path}/<id>.yaml`;
  return {
    ...schema,
    $id: `/schemas/${schemaFileOf(name)}`,
    title: `${name}: ${where}`,
    description:
      `${spec.layout === 'list' ? 'The list of' : 'One of the'} ${name} of the Zaitaku Atlas data (${where}). ` +
      'Generated from src/schemas/ by `npm run schemas`; `npm run check` applies the ' +
      'rules a JSON Schema cannot express.',
  };
}

/** [file name, text] of every collection's schema, in collection order. */
export function jsonSchemaFiles(): [string, string][] {
  return COLLECTION_NAMES.map((name) => [schemaFileOf(name), `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`]);
}
