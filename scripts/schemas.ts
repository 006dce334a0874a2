/**
 * Writes the JSON Schema of every data file kind to public/schemas/<collection>.schema.json, generated
 * from the zod schemas in src/schemas/ (z.toJSONSchema, Zod 4), so editors with the YAML language server
 * validate and complete data/ files as they are typed, and the site publishes the schemas beside the JSON
 * downloads. A test fails when the committed files differ from what this script writes: run
 * `npm run schemas` after changing a schema.
 *
 * Rules a JSON Schema cannot express (refinements: a real calendar date, a period inside its fiscal year,
 * references to other files) stay with `npm run check`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../src/data/json-schemas.ts';

const out = join(import.meta.dirname, '..', 'public', 'schemas');
mkdirSync(out, { recursive: true });
for (const [file, text] of jsonSchemaFiles()) {
  writeFileSync(join(out, file), text);
  console.log(`public/schemas/${file}`);
}
