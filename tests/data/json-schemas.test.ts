/**
 * The JSON Schemas in public/schemas/ are what `npm run schemas` generates from the zod schemas, every data
 * file names its schema on its first line, and every data file validates against it (as an editor with the
 * YAML language server would check it).
 */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from '../helpers/fixtures.ts';
import { jsonSchemaFiles, jsonSchemaOf, schemaFileOf } from '../../src/data/json-schemas.ts';
import { schemaCommentOf } from '../../src/data/schema-comment.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../src/schemas/index.ts';

const DATA = join(ROOT, 'data');
const filesOf = (name: CollectionName) => {
  const spec = COLLECTIONS[name];
  return spec.layout === 'list' ? [spec.path] : globSync(`${spec.path}/*.yaml`, { cwd: DATA }).sort();
};

describe('JSON Schemas', () => {
  it('the committed files equal freshly generated ones (run `npm run schemas` after changing a schema)', () => {
    for (const [file, text] of jsonSchemaFiles()) {
      expect(readFileSync(join(ROOT, 'public/schemas', file), 'utf8'), file).toBe(text);
    }
    expect(globSync('*.json', { cwd: join(ROOT, 'public/schemas') }).sort()).toEqual(
      COLLECTION_NAMES.map(schemaFileOf).sort(),
    );
  });
  it('carry the field descriptions of the schema modules (programs, meetings, figures)', () => {
    const programs = JSON.stringify(jsonSchemaOf('programs'));
    expect(programs).toContain('Parent program id when this is a component');
    // A figure's field, inside programs' `figures`.
    expect(programs).toContain('Fiscal year as its Gregorian start year');
    expect(JSON.stringify(jsonSchemaOf('meetings'))).toContain('Ordinal within the fiscal year');
  });
  it('every .vscode yaml.schemas entry maps a schema to its data files', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8'));
    for (const name of COLLECTION_NAMES) {
      const globs = settings['yaml.schemas'][`./public/schemas/${schemaFileOf(name)}`] as string[];
      expect(globs, name).toBeDefined();
      const files = globs.flatMap((g) => globSync(g, { cwd: ROOT })).map((f) => f.slice('data/'.length));
      expect(files.sort(), name).toEqual(filesOf(name));
    }
  });
});

describe('every data file', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  describe.each(COLLECTION_NAMES)('%s', (name) => {
    const validate = ajv.compile(jsonSchemaOf(name));
    it.each(filesOf(name))('%s: first line names its schema, and the file validates against it', (file) => {
      const text = readFileSync(join(DATA, file), 'utf8');
      expect(text.split('\n')[0]).toBe(schemaCommentOf(name));
      const valid = validate(parse(text));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  });
  it('a file with a misspelt field fails its JSON Schema, as the editor shows it', () => {
    const validate = new Ajv2020({ strict: false }).compile(jsonSchemaOf('municipalities'));
    expect(
      validate([{ id: 'hino', code: '132128', name: { ja: '日野市', en: 'Hino City' }, kind: 'city', aera: 'tama' }]),
    ).toBe(false);
  });
});
