/**
 * Descriptions of the downloads for machines, all built from the tables of lib/data-tables.ts and the
 * publication settings of lib/publication.ts:
 * - datapackage.json: a Frictionless Tabular Data Package (a Table Schema per CSV with types, units,
 *   codes, primary and foreign keys), validated against the official profile in tests;
 * - catalog.jsonld: a DCAT catalogue (DCAT-AP style JSON-LD) that a CKAN harvester (ckanext-dcat) imports;
 * - the schema.org Dataset JSON-LD of the data page.
 * Pure functions of the data, the site origin and the data's last-changed date (never the build time).
 */
import type { Collections } from '../schemas/index.ts';
import type { Lang } from './i18n.ts';
import { toCsv } from './csv.ts';
import { memoOf } from './memo.ts';
import { JSON_FILES, JSON_FILE_COLLECTION, JSON_FILE_NAMES, TABLES, jsonText, type TableSpec } from './data-tables.ts';
import { DATASET, LICENCE, PUBLISHER } from './publication.ts';
import { paths } from './urls.ts';

export interface DownloadFile {
  /** Site path, e.g. '/data/figures.csv'. */
  path: string;
  /** File name within /data/. */
  file: string;
  format: 'CSV' | 'JSON';
  mediatype: string;
  bytes: number;
  /** The table a CSV holds (its data dictionary); for JSON the table or collection it mirrors. */
  table?: TableSpec;
  /** For JSON: the collection whose JSON Schema describes its entries. */
  collection?: string;
  jsonName?: string;
}

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

export const csvText = (table: TableSpec, data: Collections) =>
  toCsv(
    table.columns.map((c) => c.name),
    table.rows(data),
  );

/**
 * Every file under /data/ (CSV per table, JSON per collection) with its exact size in bytes, once per data object:
 * the sizes need each file's whole text, and the data pages (both languages, their JSON-LD), the DCAT catalogue and
 * the data package all list them (serialising everything once each was ~20 s of a 1,000-program build).
 */
export const downloadFiles: (data: Collections) => readonly DownloadFile[] = memoOf(measureDownloadFiles);

function measureDownloadFiles(data: Collections): DownloadFile[] {
  const csv: DownloadFile[] = TABLES.map((table) => ({
    path: `/data/${table.name}.csv`,
    file: `${table.name}.csv`,
    format: 'CSV',
    mediatype: 'text/csv',
    bytes: bytesOf(csvText(table, data)),
    table,
  }));
  const json: DownloadFile[] = JSON_FILE_NAMES.map((name) => ({
    path: `/data/${name}.json`,
    file: `${name}.json`,
    format: 'JSON',
    mediatype: 'application/json',
    bytes: bytesOf(jsonText(JSON_FILES[name](data))),
    table: TABLES.find((t) => t.name === name),
    collection: JSON_FILE_COLLECTION[name],
    jsonName: name,
  }));
  return [...csv, ...json];
}

/** First and last day of the fiscal years the figures cover: ['2018-04-01', '2026-03-31']. */
export function temporalCoverage(data: Collections): [string, string] {
  const years = [
    ...data.programs.flatMap((p) => p.figures.map((f) => f.fiscal_year)),
    ...data.indicators.flatMap((i) => i.series.map((f) => f.fiscal_year)),
    ...data.meetings.map((m) => m.fiscal_year),
  ];
  // A loop, not Math.min(...years): spreading ~200,000 figures into arguments overflows the stack at 10,000 programs.
  let first = Infinity;
  let last = -Infinity;
  for (const year of years) {
    if (year < first) first = year;
    if (year > last) last = year;
  }
  return [`${first}-04-01`, `${last + 1}-03-31`];
}

/** The Frictionless Data Package descriptor of every CSV table. */
export function dataPackage(data: Collections, origin: string, modified: string) {
  const [from, to] = temporalCoverage(data);
  return {
    profile: 'tabular-data-package',
    name: DATASET.name,
    title: DATASET.title.en,
    description: DATASET.description.en,
    homepage: `${origin}${paths.data('en')}`,
    version: modified,
    // The time the data last changed: midnight of that day in Japan.
    created: `${modified}T00:00:00+09:00`,
    keywords: [...DATASET.keywords.en],
    licenses: [{ name: LICENCE.id, path: LICENCE.url, title: LICENCE.title.en }],
    contributors: [{ title: PUBLISHER.name.en, path: `${origin}${PUBLISHER.path}`, role: 'publisher' }],
    temporal: { start: from, end: to },
    resources: TABLES.map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path: `${table.name}.csv`,
      title: table.title.en,
      description: table.description.en,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      bytes: downloadFiles(data).find((f) => f.format === 'CSV' && f.table === table)!.bytes,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: table.columns.map((c) => ({
          name: c.name,
          type: c.type,
          title: c.description.ja,
          description: c.description.en,
          ...(c.unit ? { unit: c.unit.en } : {}),
          constraints: {
            ...(c.required || table.primaryKey?.includes(c.name) ? { required: true } : {}),
            ...(c.codes ? { enum: c.codes.map((code) => code.value) } : {}),
          },
        })),
        missingValues: [''],
        ...(table.primaryKey ? { primaryKey: [...table.primaryKey] } : {}),
        ...(table.foreignKeys
          ? {
              foreignKeys: table.foreignKeys.map((fk) => ({
                fields: fk.fields,
                // A key into the table itself names the resource '' (Table Schema).
                reference: { resource: fk.resource === table.name ? '' : fk.resource, fields: fk.field },
              })),
            }
          : {}),
      },
    })),
  };
}

const LANG_TAG: Record<Lang, string> = { ja: 'ja', en: 'en' };

/** A DCAT catalogue (JSON-LD) of the dataset with one distribution per file, for CKAN's DCAT harvester. */
export function dcatCatalog(data: Collections, origin: string, modified: string) {
  const [from, to] = temporalCoverage(data);
  const datasetUri = `${origin}${paths.data('ja')}#dataset`;
  const text = (l: { ja: string; en: string }) => [
    { '@language': 'ja', '@value': l.ja },
    { '@language': 'en', '@value': l.en },
  ];
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${origin}/data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': text(DATASET.title),
    'dct:description': text(DATASET.description),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': text(PUBLISHER.name) },
    'dct:license': { '@id': LICENCE.url },
    'dct:modified': { '@type': 'xsd:date', '@value': modified },
    'foaf:homepage': { '@id': `${origin}${paths.data('ja')}` },
    'dcat:dataset': [
      {
        '@id': datasetUri,
        '@type': 'dcat:Dataset',
        'dct:identifier': DATASET.name,
        'dct:title': text(DATASET.title),
        'dct:description': text(DATASET.description),
        'dcat:keyword': [
          ...DATASET.keywords.ja.map((k) => ({ '@language': 'ja', '@value': k })),
          ...DATASET.keywords.en.map((k) => ({ '@language': 'en', '@value': k })),
        ],
        'dct:language': (['ja', 'en'] as const).map((l) => ({ '@id': `http://id.loc.gov/vocabulary/iso639-1/${l}` })),
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': text(PUBLISHER.name) },
        'dct:license': { '@id': LICENCE.url },
        'dct:modified': { '@type': 'xsd:date', '@value': modified },
        'dct:spatial': {
          '@type': 'dct:Location',
          'http://www.w3.org/2004/02/skos/core#prefLabel': text(DATASET.spatial),
        },
        'dct:temporal': {
          '@type': 'dct:PeriodOfTime',
          'dcat:startDate': { '@type': 'xsd:date', '@value': from },
          'dcat:endDate': { '@type': 'xsd:date', '@value': to },
        },
        'dcat:landingPage': { '@id': `${origin}${paths.data('ja')}` },
        'dcat:distribution': downloadFiles(data).map((f) => ({
          '@id': `${origin}${f.path}`,
          '@type': 'dcat:Distribution',
          'dct:title': f.file,
          ...(f.table ? { 'dct:description': text(f.table.title) } : {}),
          'dcat:accessURL': { '@id': `${origin}${f.path}` },
          'dcat:downloadURL': { '@id': `${origin}${f.path}` },
          'dcat:mediaType': f.mediatype,
          'dct:format': f.format,
          'dcat:byteSize': { '@type': 'xsd:decimal', '@value': String(f.bytes) },
          'dct:license': { '@id': LICENCE.url },
        })),
      },
    ],
  };
}

/** The schema.org Dataset of the data page (Google Dataset Search reads it). */
export function datasetJsonLd(data: Collections, origin: string, modified: string, lang: Lang) {
  const [from, to] = temporalCoverage(data);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${origin}${paths.data('ja')}#dataset`,
    name: DATASET.title[lang],
    description: DATASET.description[lang],
    url: `${origin}${paths.data(lang)}`,
    keywords: [...DATASET.keywords[lang]],
    license: LICENCE.url,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: PUBLISHER.name[lang], url: `${origin}${paths.about(lang)}` },
    publisher: { '@type': 'Organization', name: PUBLISHER.name[lang], url: `${origin}${paths.about(lang)}` },
    inLanguage: [LANG_TAG.ja, LANG_TAG.en],
    temporalCoverage: `${from}/${to}`,
    spatialCoverage: { '@type': 'Place', name: DATASET.spatial[lang] },
    dateModified: modified,
    distribution: downloadFiles(data).map((f) => ({
      '@type': 'DataDownload',
      name: f.file,
      encodingFormat: f.mediatype,
      contentUrl: `${origin}${f.path}`,
      contentSize: `${f.bytes} B`,
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<` written as \u003c (and `>`, `&` likewise), so no text in
 * the data can close the script element or open a comment; JSON parsers read the escapes back as the characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
