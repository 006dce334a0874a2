/**
 * Reads data/ with the `yaml` package (not js-yaml: no silent Date conversion, and every node keeps
 * its source position) and validates each entry with its zod schema. Every problem is collected,
 * never only the first, and each names file:line:column and the field path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type CollectionSpec } from '../schemas/index.ts';

/** Files above this size are refused: hand-curated YAML is small, a huge file is a mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface Problem {
  /** Path relative to the project root (or the data root's parent). */
  file: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. figures[2].fiscal_year. */
  field?: string;
  message: string;
}

export type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

export interface LoadedEntry<T = unknown> {
  collection: CollectionName;
  id: string;
  data: T;
  file: string;
  /** Path prefix of this entry inside its file ([] for entry-per-file, [index] for lists). */
  pathInFile: (string | number)[];
  locate: Locate;
}

export interface LoadResult {
  entries: LoadedEntry[];
  problems: Problem[];
  /** Ids of entries that exist but failed their schema, per collection: references to them are not "dangling". */
  invalid: Map<CollectionName, Set<string>>;
}

export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Finds the nearest node for a path, falling back to its closest existing ancestor (for missing keys). */
function makeLocate(doc: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    const keys = [...path] as (string | number)[];
    while (true) {
      const node = (keys.length ? doc.getIn(keys, true) : doc.contents) as Node | undefined;
      if (node && (node as Node).range) {
        // For a mapping value, point at its key: that is where a curator looks.
        let offset = node.range![0];
        if (keys.length) {
          const parent = doc.getIn(keys.slice(0, -1), true) as unknown;
          if (isMap(parent)) {
            const pair = parent.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === keys[keys.length - 1]);
            if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
          }
        }
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
      if (!keys.length) return undefined;
      keys.pop();
    }
  };
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return JSON.stringify(value);
}

function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

interface ParsedFile {
  doc: Document;
  locate: Locate;
  value: unknown;
}

function parseFile(absPath: string, file: string, problems: Problem[]): ParsedFile | undefined {
  const size = statSync(absPath).size;
  if (size > MAX_FILE_BYTES) {
    problems.push({ file, line: 1, column: 1, message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; data files must be under ${MAX_FILE_BYTES / 1024} KB ` +
        '(split it, or it is not hand-curated data)' });
    return undefined;
  }
  const text = readFileSync(absPath, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({ file, line: 1, column: 1, message: 'file starts with a byte-order mark (BOM); save it as UTF-8 without BOM' });
    return undefined;
  }
  if (text.trim() === '') {
    problems.push({ file, line: 1, column: 1, message: 'file is empty' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  if (doc.errors.length) {
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      const tab = /\t/.test(text.split('\n')[pos.line - 1] ?? '') ? ' (tabs are not allowed for indentation in YAML: use spaces)' : '';
      problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax: ${err.message.split('\n')[0]}${tab}` });
    }
    return undefined;
  }
  for (const warn of doc.warnings) {
    const pos = lineCounter.linePos(warn.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, message: `YAML: ${warn.message.split('\n')[0]}` });
  }
  return { doc, locate: makeLocate(doc, lineCounter), value: doc.toJS({ maxAliasCount: 50 }) };
}

function validate(
  collection: CollectionName,
  schema: z.ZodType,
  raw: unknown,
  file: string,
  pathInFile: (string | number)[],
  locate: Locate,
  problems: Problem[],
): unknown | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let path = [...pathInFile, ...issue.path] as (string | number)[];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Point at the first unknown key itself.
      path = [...path, issue.keys[0]!];
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const s = issue.keys.length > 1 ? 's' : '';
      message = `unknown key${s} ${keys} (a typo? the schema for ${collection} is in src/schemas/)`;
    } else if (!/found/.test(message)) {
      message = `${message} (found ${describeFound(getAt(raw, issue.path))})`;
    }
    const pos = locate(path);
    problems.push({ file, line: pos?.line, column: pos?.column, field: formatField(path), message });
  }
  return undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
}

/** Loads and validates every collection under `dataRoot`. `displayRoot` is what file names are shown relative to. */
export function loadData(dataRoot: string, displayRoot = join(dataRoot, '..')): LoadResult {
  const entries: LoadedEntry[] = [];
  const problems: Problem[] = [];
  const invalid = new Map<CollectionName, Set<string>>();
  const markInvalid = (name: CollectionName, id: unknown) => {
    if (typeof id !== 'string') return;
    invalid.set(name, (invalid.get(name) ?? new Set()).add(id));
  };
  const show = (abs: string) => relative(displayRoot, abs) || abs;

  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    const target = join(dataRoot, spec.path);
    if (!existsSync(target)) continue;
    if (spec.layout === 'entry-per-file') {
      for (const fileName of yamlFiles(target)) {
        const abs = join(target, fileName);
        const file = show(abs);
        if (fileName.endsWith('.yml')) problems.push({ file, message: 'use the .yaml extension' });
        const stem = fileName.replace(/\.ya?ml$/, '');
        const parsed = parseFile(abs, file, problems);
        if (!parsed) {
          markInvalid(name, stem);
          continue;
        }
        const data = validate(name, spec.schema, parsed.value, file, [], parsed.locate, problems);
        if (!data) markInvalid(name, stem);
        const id = (parsed.value as { id?: unknown })?.id;
        if (typeof id === 'string' && id !== stem) {
          const pos = parsed.locate(['id']);
          problems.push({ file, line: pos?.line, column: pos?.column, field: 'id', message: `id "${id}" must equal the file name "${stem}"` });
        }
        if (data) entries.push({ collection: name, id: (data as { id: string }).id, data, file, pathInFile: [], locate: parsed.locate });
      }
    } else {
      const file = show(target);
      const parsed = parseFile(target, file, problems);
      if (!parsed) continue;
      if (!Array.isArray(parsed.value)) {
        problems.push({ file, line: 1, column: 1, message: `${spec.path} must be a YAML list of entries (found ${describeFound(parsed.value)})` });
        continue;
      }
      parsed.value.forEach((raw, index) => {
        const data = validate(name, spec.schema, raw, file, [index], parsed.locate, problems);
        if (!data) markInvalid(name, (raw as { id?: unknown })?.id);
        if (data) entries.push({ collection: name, id: (data as { id: string }).id, data, file, pathInFile: [index], locate: parsed.locate });
      });
    }
  }
  return { entries, problems, invalid };
}

/** Validated entries of one collection, sorted by id (getCollection order is not guaranteed either). */
export function entriesOf<T>(result: LoadResult, collection: CollectionName): LoadedEntry<T>[] {
  return (result.entries.filter((e) => e.collection === collection) as LoadedEntry<T>[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
