/**
 * The open-data files of the built site: every CSV and JSON reads back (csv-parse, JSON.parse) to exactly the
 * data; CSVs start with a BOM and have one header row; datapackage.json is valid against the official
 * Frictionless profile with its primary keys unique and foreign keys resolving; the DCAT catalogue and the data
 * page's JSON-LD carry the required properties; per-page files hold their page's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { assertBuilt, DIST, read } from '../helpers/dist.ts';
import { repositoryCollections } from '../helpers/collections.ts';
import { JSON_FILE_NAMES, JSON_FILES, TABLES, type TableSpec } from '../../src/lib/data-tables.ts';
import { FIGURE_COLUMNS } from '../../src/lib/open-data.ts';
import { neutralizeFormula, type Cell } from '../../src/lib/csv.ts';
import { LICENCE } from '../../src/lib/publication.ts';
import { hasCalendarDay } from '../../src/lib/calendar.ts';
import { programYears } from '../../src/lib/fiscal-totals.ts';

beforeAll(assertBuilt);

const data = repositoryCollections();
const asWritten = (cell: Cell) =>
  cell === undefined || cell === null ? '' : typeof cell === 'string' ? neutralizeFormula(cell) : String(cell);
const readCsv = (path: string) => {
  const text = read(join(DIST, path));
  return { text, records: parse(text, { bom: true, relax_column_count: false }) as string[][] };
};
const sameRows = (records: string[][], rows: Cell[][]) =>
  expect(records).toEqual(rows.map((row) => row.map(asWritten)));

describe('CSV downloads', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))(
    '%s.csv: BOM, CRLF, one header row, and every cell equal to the data',
    (name, table) => {
      const { text, records } = readCsv(`data/${name}.csv`);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(records[0]).toEqual(table.columns.map((c) => c.name));
      // One header row: no later row repeats it.
      expect(records.slice(1).some((r) => r.join() === records[0]!.join())).toBe(false);
      const rows = table.rows(data);
      expect(rows.length).toBeGreaterThan(0);
      sameRows(records.slice(1), rows);
    },
  );
  it('numbers stay numbers and no text cell can start a formula', () => {
    for (const table of TABLES) {
      const { records } = readCsv(`data/${table.name}.csv`);
      table.columns.forEach((c, i) => {
        for (const row of records.slice(1)) {
          const cell = row[i]!;
          if (cell === '') continue;
          if (c.type === 'number' || c.type === 'integer')
            expect(Number.isFinite(Number(cell)), `${c.name}`).toBe(true);
          else expect(cell, `${table.name}.${c.name}`).not.toMatch(/^[=+\-@\t\r]/);
        }
      });
    }
  });
  it('figures.csv has one row per figure of every program, indicator and plan initiative', () => {
    const { records } = readCsv('data/figures.csv');
    const count =
      data.programs.reduce((n, p) => n + p.figures.length, 0) +
      data.indicators.reduce((n, i) => n + i.series.length, 0) +
      data.plans.reduce((n, p) => n + p.initiatives.reduce((m, i) => m + i.figures.length, 0), 0);
    expect(records.length - 1).toBe(count);
  });
  it('municipalities.csv keeps the codes as six-digit text, one per municipality', () => {
    const { records } = readCsv('data/municipalities.csv');
    expect(records.slice(1).map((r) => r[0])).toEqual(data.municipalities.map((m) => m.code).sort());
    for (const r of records.slice(1)) expect(r[0]).toMatch(/^13\d{4}$/);
  });
});

describe('JSON downloads', () => {
  it.each(JSON_FILE_NAMES)('%s.json equals the validated data', (name) => {
    const json = JSON.parse(read(join(DIST, `data/${name}.json`)));
    expect(json).toEqual(JSON.parse(JSON.stringify(JSON_FILES[name](data))));
  });
  it('figures.json holds the same rows as figures.csv, numbers as JSON numbers', () => {
    const { figures } = JSON.parse(read(join(DIST, 'data/figures.json'))) as { figures: Record<string, unknown>[] };
    const { records } = readCsv('data/figures.csv');
    expect(figures.length).toBe(records.length - 1);
    const value = FIGURE_COLUMNS.indexOf('value');
    figures.forEach((f, i) => {
      expect(typeof f.value).toBe('number');
      expect(String(f.value)).toBe(records[i + 1]![value]);
    });
  });
});

describe('files for one page', () => {
  it('every program has /programs/<id>.json with its entry and /programs/<id>.csv with its figures', () => {
    for (const program of data.programs) {
      const json = JSON.parse(read(join(DIST, `programs/${program.id}.json`)));
      expect(json.program).toEqual(JSON.parse(JSON.stringify(program)));
      expect(json.license).toBe(LICENCE.url);
      const { text, records } = readCsv(`programs/${program.id}.csv`);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(records[0]).toEqual(FIGURE_COLUMNS);
      expect(records.length - 1).toBe(program.figures.length);
      for (const r of records.slice(1)) expect(r.slice(0, 2)).toEqual(['program', program.id]);
    }
  });
  it('every indicator has /indicators/<id>.csv with its series', () => {
    for (const indicator of data.indicators) {
      const { records } = readCsv(`indicators/${indicator.id}.csv`);
      expect(records.length - 1).toBe(indicator.series.length);
    }
  });
  it('every fiscal year page has /fy/<year>.csv with exactly the rows of figures.csv for that year', () => {
    const all = readCsv('data/figures.csv').records.slice(1);
    const yearColumn = FIGURE_COLUMNS.indexOf('fiscal_year');
    for (const year of programYears(data.programs)) {
      const { records } = readCsv(`fy/${year}.csv`);
      expect(records[0]).toEqual(FIGURE_COLUMNS);
      expect(records.slice(1), String(year)).toEqual(all.filter((r) => r[yearColumn] === String(year)));
    }
  });
  it('meetings known only to the month have no calendar file; the others have one per language', () => {
    for (const m of data.meetings) {
      for (const prefix of ['', 'en/']) {
        expect(existsSync(join(DIST, `${prefix}meetings/${m.id}.ics`)), m.id).toBe(hasCalendarDay(m));
      }
    }
  });
});

type Descriptor = {
  resources: { name: string; path: string; bytes: number; schema: TableSchema }[];
  licenses: { name: string; path: string }[];
};
type TableSchema = {
  fields: { name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }[];
  primaryKey?: string[];
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
};

describe('datapackage.json', () => {
  const descriptor = JSON.parse(read(join(DIST, 'data/datapackage.json'))) as Descriptor;
  const profile = JSON.parse(
    readFileSync(join(import.meta.dirname, '../vendor/frictionless/tabular-data-package.json'), 'utf8'),
  );
  it('is valid against the official Tabular Data Package profile', () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    // 'textarea' is an editor hint of the profile, not a constraint.
    ajv.addFormat('textarea', true);
    const validate = ajv.compile(profile);
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
  it('describes every CSV, with its exact size and header, under the configured licence', () => {
    expect(descriptor.licenses[0]).toMatchObject({ name: LICENCE.id, path: LICENCE.url });
    expect(descriptor.resources.map((r) => r.name)).toEqual(TABLES.map((t) => t.name));
    for (const r of descriptor.resources) {
      expect(readFileSync(join(DIST, 'data', r.path)).length, r.path).toBe(r.bytes);
      expect(readCsv(`data/${r.path}`).records[0]).toEqual(r.schema.fields.map((f) => f.name));
    }
  });
  it('primary keys are unique and present, foreign keys resolve, codes are in their lists', () => {
    const rowsOf = new Map(
      descriptor.resources.map((r) => {
        const [header, ...rows] = readCsv(`data/${r.path}`).records;
        return [r.name, rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))] as const;
      }),
    );
    for (const r of descriptor.resources) {
      const rows = rowsOf.get(r.name)!;
      if (r.schema.primaryKey) {
        const keys = rows.map((row) => r.schema.primaryKey!.map((k) => row[k]).join('\u0000'));
        expect(new Set(keys).size, r.name).toBe(keys.length);
        for (const row of rows) for (const k of r.schema.primaryKey) expect(row[k], `${r.name}.${k}`).not.toBe('');
      }
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = rowsOf.get(fk.reference.resource || r.name)!;
        const known = new Set(target.map((row) => row[fk.reference.fields]));
        for (const row of rows) {
          const value = row[fk.fields]!;
          if (value !== '') expect(known.has(value), `${r.name}.${fk.fields} = ${value}`).toBe(true);
        }
      }
      for (const f of r.schema.fields) {
        for (const row of rows) {
          if (f.constraints?.required) expect(row[f.name], `${r.name}.${f.name}`).not.toBe('');
          if (f.constraints?.enum && row[f.name] !== '')
            expect(f.constraints.enum, `${r.name}.${f.name}`).toContain(row[f.name]);
        }
      }
    }
  });
  it('every table states a type for every column that its values fit', () => {
    const fits: Record<string, RegExp> = {
      integer: /^-?\d+$/,
      number: /^-?\d+(\.\d+)?$/,
      boolean: /^(true|false)$/,
      date: /^\d{4}-\d{2}-\d{2}$/,
      yearmonth: /^\d{4}-\d{2}$/,
      year: /^\d{4}$/,
      string: /^/,
    };
    for (const r of descriptor.resources) {
      const [header, ...rows] = readCsv(`data/${r.path}`).records;
      r.schema.fields.forEach((f) => {
        const i = header!.indexOf(f.name);
        for (const row of rows) if (row[i] !== '') expect(row[i], `${r.name}.${f.name}`).toMatch(fits[f.type]!);
      });
    }
  });
});

describe('DCAT catalogue', () => {
  const catalog = JSON.parse(read(join(DIST, 'data/catalog.jsonld')));
  it('is a dcat:Catalog with one dataset, its licence, dates and a distribution per file with its size', () => {
    expect(catalog['@type']).toBe('dcat:Catalog');
    const [dataset] = catalog['dcat:dataset'];
    expect(dataset['@type']).toBe('dcat:Dataset');
    expect(dataset['dct:license']['@id']).toBe(LICENCE.url);
    expect(dataset['dct:modified']['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dataset['dct:temporal']['dcat:startDate']['@value']).toMatch(/^\d{4}-04-01$/);
    const files = [...TABLES.map((t: TableSpec) => `${t.name}.csv`), ...JSON_FILE_NAMES.map((n) => `${n}.json`)];
    expect(dataset['dcat:distribution'].map((d: { 'dct:title': string }) => d['dct:title'])).toEqual(files);
    for (const d of dataset['dcat:distribution']) {
      const path = new URL(d['dcat:downloadURL']['@id']).pathname;
      expect(readFileSync(join(DIST, path)).length).toBe(Number(d['dcat:byteSize']['@value']));
    }
  });
});

describe('schema.org Dataset JSON-LD on the data page', () => {
  it.each(['data/index.html', 'en/data/index.html'])('%s: parses, with the required Dataset properties', (file) => {
    const html = read(join(DIST, file));
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const text = scripts[0]![1]!;
    // No data text can close the element or open a comment: < > & are \u escapes.
    expect(text).not.toMatch(/[<>&]/);
    const ld = JSON.parse(text);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Dataset');
    expect(ld.name.length).toBeGreaterThan(0);
    expect(ld.description.length).toBeGreaterThanOrEqual(50);
    expect(ld.description.length).toBeLessThanOrEqual(5000);
    expect(ld.license).toBe(LICENCE.url);
    expect(ld.creator.name.length).toBeGreaterThan(0);
    expect(ld.inLanguage).toEqual(['ja', 'en']);
    expect(ld.temporalCoverage).toMatch(/^\d{4}-04-01\/\d{4}-03-31$/);
    expect(ld.spatialCoverage.name.length).toBeGreaterThan(0);
    // dateModified is the data's date, the one the page prints at its end.
    expect(ld.dateModified).toBe(html.match(/<meta name="dcterms.modified" content="([^"]+)"/)![1]);
    expect(ld.distribution.length).toBe(TABLES.length + JSON_FILE_NAMES.length);
    for (const d of ld.distribution) expect(existsSync(join(DIST, new URL(d.contentUrl).pathname))).toBe(true);
  });
});
