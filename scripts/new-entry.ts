/**
 * npm run new -- program <id> | meeting <id> [options]: writes a new data file with every required field,
 * the schema comment on its first line (editor validation), and `# TODO` marks on the values to replace.
 * The file passes `npm run check` as written, so the curator edits from a valid start.
 *
 * Refuses an id that is not lowercase kebab-case or that is already used (an existing file, or a program's
 * former id, whose URL redirects). Options:
 *   --data DIR          data folder (default: $ATLAS_DATA_DIR or data/)
 *   --source ID         source document cited (default: the newest in sources.yaml)
 *   --heading TEXT      heading in it (default: the document's first line of text)
 *   --committee ID      meeting: its committee (default: the committee of the newest meeting)
 *   --date YYYY-MM-DD   meeting: its date (default: today in Japan)
 */
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { schemaCommentOf } from '../src/data/schema-comment.ts';
import { fiscalYearOfDate } from '../src/lib/fiscal-year.ts';
import { checkDay } from '../src/data/integrity.ts';

const KINDS = { program: 'programs', meeting: 'meetings' } as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const projectRoot = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    source: { type: 'string' },
    heading: { type: 'string' },
    committee: { type: 'string' },
    date: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const [kind, id] = positionals;
if (!kind || !(kind in KINDS) || !id) fail('usage: npm run new -- program <id>   or   npm run new -- meeting <id>');
const collection = KINDS[kind as keyof typeof KINDS];
if (!ID.test(id)) fail(`"${id}" is not an id: use lowercase ASCII kebab-case, e.g. "visiting-nursing-recruitment"`);

const dataRoot = resolve(values.data ?? process.env.ATLAS_DATA_DIR ?? join(projectRoot, 'data'));
const target = join(dataRoot, collection, `${id}.yaml`);
const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;
const entries = (dir: string) =>
  globSync('*.yaml', { cwd: join(dataRoot, dir) }).map(
    (f) => readYaml(join(dataRoot, dir, f)) as Record<string, unknown>,
  );

if (existsSync(target)) fail(`${relative(process.cwd(), target)} already exists: ids are permanent, choose another`);
if (collection === 'programs') {
  const former = entries('programs').find((p) => (p.former_ids as string[] | undefined)?.includes(id));
  if (former) fail(`"${id}" is a former id of program "${String(former.id)}" (its old URL redirects there)`);
}

// The cited document and a heading that occurs in it, so the check's heading rule holds.
const sources = readYaml(join(dataRoot, 'sources.yaml')) as { id: string; file: string; date?: string }[];
const source = values.source
  ? sources.find((s) => s.id === values.source)
  : [...sources].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
if (!source) fail(`source "${values.source}" is not in sources.yaml`);
const heading =
  values.heading ??
  readFileSync(join(projectRoot, source.file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
if (!heading) fail(`${source.file} has no text to cite`);

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const sourceLines = (indent: string) => [
  `${indent}document: ${source.id} # TODO: the document the statement is printed in (data/sources.yaml)`,
  `${indent}heading: ${q(heading)} # TODO: the heading it is printed under, as printed`,
];

let lines: string[];
if (collection === 'programs') {
  lines = [
    schemaCommentOf('programs'),
    `id: ${id}`,
    'name:',
    `  ja: ${q('（事業名を資料のとおりに書く）')} # TODO`,
    `  en: ${q('(the program name in English)')} # TODO`,
    'summary:',
    `  ja: ${q('（何をする事業か、誰のためかを1～2文で）')} # TODO`,
    `  en: ${q('(what the program does and for whom, in one or two sentences)')} # TODO`,
    'summary_source:',
    ...sourceLines('  '),
    '# Add figures, plan_links, funding … as README.md and CONTRIBUTING.md show; `npm run check` checks them.',
  ];
} else {
  const meetings = entries('meetings');
  const newest = [...meetings].sort((a, b) =>
    String(b.date ?? b.month ?? '').localeCompare(String(a.date ?? a.month ?? '')),
  )[0];
  const committee = values.committee ?? (newest?.committee as string | undefined);
  if (!committee) fail('no committee: give --committee <id> (data/committees/)');
  if (!existsSync(join(dataRoot, 'committees', `${committee}.yaml`)))
    fail(`committee "${committee}" is not in data/committees/`);
  const date = values.date ?? checkDay();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date ${date}: write YYYY-MM-DD`);
  const fiscalYear = fiscalYearOfDate(date);
  const ordinal = meetings.filter((m) => m.committee === committee && m.fiscal_year === fiscalYear).length + 1;
  lines = [
    schemaCommentOf('meetings'),
    `id: ${id}`,
    `committee: ${committee}`,
    `fiscal_year: ${fiscalYear} # the Gregorian year the fiscal year starts`,
    `ordinal: ${ordinal} # TODO: 第N回 as printed`,
    `date: ${q(date)} # TODO: the day held; if only the month is known, write month: 'YYYY-MM' instead`,
    'source:',
    ...sourceLines('  '),
    '# Add start, end, format, agenda and handouts as the materials print them; `npm run check` checks them.',
  ];
}

writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`✓ wrote ${relative(process.cwd(), target)}: replace every value marked TODO, then run npm run check`);
