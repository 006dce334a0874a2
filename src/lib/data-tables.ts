/**
 * The open-data tables: ONE description per downloadable table (file, title, every column with its type,
 * meaning, unit and codes, primary and foreign keys) and the function that makes its rows from the data.
 * The CSV and JSON downloads, datapackage.json, the DCAT catalogue and the data dictionary on /data/ are
 * all generated from this list, so a column is described once.
 *
 * Rows follow the 総務省「統一ルール」 for machine-readable tables: one value per cell, numbers without
 * units or commas (the unit is a column of its own), Western fiscal years with the era label alongside,
 * one header row. Lists inside a cell (a handout's programs) are ids separated by a space.
 */
import type { Collections } from '../schemas/index.ts';
import type { Localized } from '../schemas/common.ts';
import type { Cell } from './csv.ts';
import { FIGURE_COLUMNS, figureRows } from './open-data.ts';
import { formatWareki } from './fiscal-year.ts';
import { paths, absoluteUrl } from './urls.ts';
import { MEMBER_ROLES } from '../schemas/member.ts';
import { UNIT_KEYS } from './units.ts';

/** Frictionless Table Schema field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth' | 'year';

export interface ColumnSpec {
  name: string;
  type: FieldType;
  description: Localized;
  /** The unit of the numbers, when the column itself has one (else a `unit` column says it). */
  unit?: Localized;
  /** The values the column can take (codes), each explained. */
  codes?: readonly { value: string; meaning: Localized }[];
  required?: boolean;
}

export interface ForeignKey {
  fields: string;
  /** Resource name of the referenced table. */
  resource: string;
  field: string;
}

export interface TableSpec {
  /** Resource name in datapackage.json and the file name: /data/<name>.csv and .json. */
  name: string;
  title: Localized;
  description: Localized;
  columns: readonly ColumnSpec[];
  primaryKey?: readonly string[];
  foreignKeys?: readonly ForeignKey[];
  rows(data: Collections): Cell[][];
}

const L = (ja: string, en: string): Localized => ({ ja, en });
const codes = (list: Record<string, [string, string]>) =>
  Object.entries(list).map(([value, [ja, en]]) => ({ value, meaning: L(ja, en) }));

const SOURCE_DOCUMENT = (what: string): ColumnSpec => ({
  name: 'source_document',
  type: 'string',
  description: L(`${what}の出典文書のID（sources 表の id）`, `Id of the source document of the ${what} (sources.id)`),
});
const SOURCE_HEADING: ColumnSpec = {
  name: 'source_heading',
  type: 'string',
  description: L('出典文書中の見出し（文書の表記のまま）', 'Heading in the source document, exactly as printed'),
};
const FISCAL_YEAR: ColumnSpec = {
  name: 'fiscal_year',
  type: 'integer',
  description: L(
    '年度（西暦の開始年。令和6年度 = 2024）',
    'Fiscal year as the Gregorian year it starts (FY2024 = 2024)',
  ),
};
const FISCAL_YEAR_JA: ColumnSpec = {
  name: 'fiscal_year_ja',
  type: 'string',
  description: L('年度の和暦表記（令和6年度）', 'The fiscal year in the Japanese era (令和6年度)'),
};
const PAGE_URLS = (what: string): ColumnSpec[] => [
  { name: 'page_url_ja', type: 'string', description: L(`${what}のページ（日本語）`, `The ${what}'s page (Japanese)`) },
  { name: 'page_url_en', type: 'string', description: L(`${what}のページ（英語）`, `The ${what}'s page (English)`) },
];
const pageUrls = (path: (lang: 'ja' | 'en') => string): Cell[] => [absoluteUrl(path('ja')), absoluteUrl(path('en'))];
const named = (what: string, prefix = 'name'): ColumnSpec[] => [
  { name: `${prefix}_ja`, type: 'string', description: L(`${what}（日本語）`, `${what} in Japanese`), required: true },
  { name: `${prefix}_en`, type: 'string', description: L(`${what}（英語）`, `${what} in English`), required: true },
];
const CONFIDENCE = codes({
  certain: ['確か', 'certain'],
  uncertain: ['読み取りに注意（出典で確認を）', 'check the source: the reading is not certain'],
});

const FIGURE_DESCRIPTIONS: Record<string, ColumnSpec> = Object.fromEntries(
  (
    [
      {
        name: 'owner_kind',
        type: 'string',
        description: L('数値の持ち主の種類', 'What the figure belongs to'),
        codes: codes({
          program: ['事業', 'a program'],
          indicator: ['指標', 'an indicator'],
          initiative: ['計画の取組・事項', "a plan's initiative or item"],
        }),
        required: true,
      },
      {
        name: 'owner_id',
        type: 'string',
        description: L(
          '持ち主のID（事業・指標の id、取組は「計画id/取組id」）',
          'Id of the owner (program or indicator id; "plan-id/initiative-id" for an initiative)',
        ),
        required: true,
      },
      ...named('持ち主の名称', 'owner_name').map((c) => ({ ...c, description: c.description })),
      FISCAL_YEAR,
      FISCAL_YEAR_JA,
      {
        name: 'kind',
        type: 'string',
        description: L('数値の区分', 'Kind of figure'),
        codes: codes({
          'budget-proposed': ['予算額（案）', 'proposed budget'],
          budget: ['予算額', 'adopted budget'],
          plan: ['計画・規模', 'planned scale'],
          result: ['実績', 'result'],
          target: ['目標', 'target'],
        }),
        required: true,
      },
      ...named('数値の項目名（出典の表記）', 'label'),
      {
        name: 'value',
        type: 'number',
        description: L('数値（単位・桁区切りなし）', 'The number, without unit or thousands separators'),
        required: true,
      },
      {
        name: 'unit',
        type: 'string',
        description: L('単位（出典の表記のまま。千円 = 1,000円）', 'Unit as printed (千円 = thousand yen)'),
        codes: UNIT_KEYS.map((u) => ({ value: u, meaning: L(u, u) })),
        required: true,
      },
      {
        name: 'qualifier',
        type: 'string',
        description: L('数値の限定（約・以上・以下）', 'Qualifier printed with the number'),
        codes: codes({ approx: ['約', 'about'], 'at-least': ['以上', 'at least'], 'at-most': ['以下', 'at most'] }),
      },
      {
        name: 'period_from',
        type: 'yearmonth',
        description: L('年度の一部の期間の始まり（年-月）', 'Start month of the part of the year covered'),
      },
      {
        name: 'period_to',
        type: 'yearmonth',
        description: L('年度の一部の期間の終わり（年-月）', 'End month of the part of the year covered'),
      },
      {
        name: 'as_of',
        type: 'string',
        description: L('時点（年-月-日 または 年-月）', 'As of (YYYY-MM-DD or YYYY-MM)'),
      },
      {
        name: 'confidence',
        type: 'string',
        description: L('読み取りの確かさ', 'Reading confidence'),
        codes: CONFIDENCE,
      },
      {
        name: 'derived',
        type: 'boolean',
        description: L(
          'true なら出典に印刷された数値ではなく計算値',
          'true: computed from printed numbers, not printed itself',
        ),
      },
      { name: 'derivation_en', type: 'string', description: L('計算方法（英語）', 'How it was computed') },
      ...named('注記', 'note').map((c) => ({ ...c, required: false })),
      SOURCE_DOCUMENT('数値'),
      SOURCE_HEADING,
    ] satisfies ColumnSpec[]
  ).map((c) => [c.name, c]),
);

/** Figures table columns in the order of the existing figures.csv (lib/open-data.ts). */
const FIGURE_SPECS: ColumnSpec[] = FIGURE_COLUMNS.map((name) => {
  const spec = FIGURE_DESCRIPTIONS[name];
  if (!spec) throw new Error(`figures column ${name} is not described`);
  return spec;
});

const sorted = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const TABLES: readonly TableSpec[] = [
  {
    name: 'programs',
    title: L('事業', 'Programs'),
    description: L('事業1件につき1行。', 'One row per program.'),
    primaryKey: ['id'],
    foreignKeys: [
      { fields: 'parent', resource: 'programs', field: 'id' },
      { fields: 'committee', resource: 'committees', field: 'id' },
      { fields: 'summary_source_document', resource: 'sources', field: 'id' },
    ],
    columns: [
      { name: 'id', type: 'string', description: L('事業ID（変わらない）', 'Permanent program id'), required: true },
      ...named('事業名'),
      { name: 'parent', type: 'string', description: L('親事業のID（構成事業の場合）', 'Parent program id') },
      { name: 'bureau', type: 'string', description: L('所管（出典に記載がある場合）', 'Bureau in charge, if stated') },
      { name: 'committee', type: 'string', description: L('対応する会議体のID', 'Committee id the program is') },
      { name: 'span_from', type: 'integer', description: L('実施が分かる最初の年度', 'First fiscal year known') },
      { name: 'span_to', type: 'integer', description: L('実施が分かる最後の年度', 'Last fiscal year known') },
      ...named('概要', 'summary'),
      { ...SOURCE_DOCUMENT('概要'), name: 'summary_source_document' },
      { ...SOURCE_HEADING, name: 'summary_source_heading' },
      {
        name: 'national_subsidy_marked',
        type: 'boolean',
        description: L(
          '評価表の国庫負担欄の印（その行と確かに結び付く場合のみ）',
          '国庫負担 (national share) mark in the evaluation table, only when tied to the row',
        ),
      },
      ...PAGE_URLS('事業'),
    ],
    rows: (d) =>
      sorted(d.programs).map((p) => [
        p.id,
        p.name.ja,
        p.name.en,
        p.parent,
        p.bureau,
        p.committee,
        p.span?.from,
        p.span?.to,
        p.summary.ja,
        p.summary.en,
        p.summary_source.document,
        p.summary_source.heading,
        p.national_subsidy?.marked,
        ...pageUrls((lang) => paths.program(lang, p.id)),
      ]),
  },
  {
    name: 'figures',
    title: L('数値', 'Figures'),
    description: L(
      '事業・指標・計画の取組の数値1件につき1行（予算額、計画、実績、目標）。',
      'One row per figure of a program, indicator or plan initiative (budgets, plans, results, targets).',
    ),
    foreignKeys: [{ fields: 'source_document', resource: 'sources', field: 'id' }],
    columns: FIGURE_SPECS,
    rows: (d) => figureRows(sorted(d.programs), sorted(d.plans), sorted(d.indicators)),
  },
  {
    name: 'meetings',
    title: L('会議', 'Meetings'),
    description: L('会議1回につき1行。', 'One row per meeting.'),
    primaryKey: ['id'],
    foreignKeys: [
      { fields: 'committee', resource: 'committees', field: 'id' },
      { fields: 'source_document', resource: 'sources', field: 'id' },
    ],
    columns: [
      { name: 'id', type: 'string', description: L('会議ID', 'Meeting id'), required: true },
      { name: 'committee', type: 'string', description: L('会議体のID', 'Committee id'), required: true },
      FISCAL_YEAR,
      FISCAL_YEAR_JA,
      { name: 'ordinal', type: 'integer', description: L('年度内の回（第2回 → 2）', 'Meeting number in the year') },
      { name: 'date', type: 'date', description: L('開催日（分かる場合）', 'Date, when known') },
      {
        name: 'month',
        type: 'yearmonth',
        description: L('開催月（月のみ分かる場合）', 'Month, when only it is known'),
      },
      { name: 'start', type: 'string', description: L('開始時刻（日本時間 HH:MM）', 'Start time (Japan time, HH:MM)') },
      { name: 'end', type: 'string', description: L('終了時刻（日本時間 HH:MM）', 'End time (Japan time, HH:MM)') },
      {
        name: 'format',
        type: 'string',
        description: L('開催方法（出典に記載がある場合）', 'Format, when a source says'),
        codes: codes({
          online: ['オンライン', 'online'],
          'in-person': ['対面', 'in person'],
          hybrid: ['対面とオンライン', 'hybrid'],
        }),
      },
      { name: 'roster', type: 'string', description: L('その時点の名簿のID', 'Roster id in force') },
      SOURCE_DOCUMENT('会議'),
      SOURCE_HEADING,
      ...PAGE_URLS('会議'),
    ],
    rows: (d) =>
      sorted(d.meetings).map((m) => [
        m.id,
        m.committee,
        m.fiscal_year,
        formatWareki(m.fiscal_year),
        m.ordinal,
        m.date,
        m.month,
        m.start,
        m.end,
        m.format,
        m.roster,
        m.source.document,
        m.source.heading,
        ...pageUrls((lang) => paths.meeting(lang, m.id)),
      ]),
  },
  {
    name: 'meeting-agenda',
    title: L('会議の議事', 'Meeting agenda items'),
    description: L('会議の議事1件につき1行。', 'One row per agenda item of a meeting.'),
    primaryKey: ['meeting', 'number'],
    foreignKeys: [{ fields: 'meeting', resource: 'meetings', field: 'id' }],
    columns: [
      { name: 'meeting', type: 'string', description: L('会議ID', 'Meeting id'), required: true },
      { name: 'number', type: 'string', description: L('議事の番号（印刷のまま）', 'Item number as printed') },
      ...named('議事', 'title'),
      {
        name: 'programs',
        type: 'string',
        description: L('関係する事業ID（空白区切り）', 'Program ids, space-separated'),
      },
      { name: 'handouts', type: 'string', description: L('資料番号（空白区切り）', 'Handout labels, space-separated') },
    ],
    rows: (d) =>
      sorted(d.meetings).flatMap((m) =>
        m.agenda.map((a) => [m.id, a.number, a.title.ja, a.title.en, a.programs.join(' '), a.handouts.join(' ')]),
      ),
  },
  {
    name: 'meeting-handouts',
    title: L('会議の配布資料', 'Meeting handouts'),
    description: L('会議の配布資料1点につき1行。', 'One row per handout of a meeting.'),
    primaryKey: ['meeting', 'label'],
    foreignKeys: [{ fields: 'meeting', resource: 'meetings', field: 'id' }],
    columns: [
      { name: 'meeting', type: 'string', description: L('会議ID', 'Meeting id'), required: true },
      { name: 'label', type: 'string', description: L('資料番号（資料1、参考資料1-2）', 'Handout label as printed') },
      ...named('資料名', 'title'),
      {
        name: 'programs',
        type: 'string',
        description: L('関係する事業ID（空白区切り）', 'Program ids, space-separated'),
      },
      { name: 'regulation', type: 'string', description: L('要綱等のID', 'Regulation id') },
      { name: 'reports_on_meeting', type: 'string', description: L('報告対象の会議ID', 'Meeting it reports on') },
      { name: 'survey', type: 'string', description: L('調査のID', 'Survey id') },
    ],
    rows: (d) =>
      sorted(d.meetings).flatMap((m) =>
        m.handouts.map((h) => [
          m.id,
          h.label,
          h.title.ja,
          h.title.en,
          h.programs.join(' '),
          h.regulation,
          h.meeting,
          h.survey,
        ]),
      ),
  },
  {
    name: 'committees',
    title: L('会議体', 'Committees'),
    description: L('会議・部会1つにつき1行。', 'One row per council, subcommittee or working group.'),
    primaryKey: ['id'],
    foreignKeys: [{ fields: 'parent', resource: 'committees', field: 'id' }],
    columns: [
      { name: 'id', type: 'string', description: L('会議体ID', 'Committee id'), required: true },
      ...named('名称'),
      {
        name: 'kind',
        type: 'string',
        description: L('種類', 'Kind'),
        codes: codes({
          council: ['会議', 'council'],
          subcommittee: ['部会', 'subcommittee'],
          'working-group': ['ワーキンググループ', 'working group'],
          liaison: ['連絡会', 'liaison meeting'],
        }),
      },
      { name: 'parent', type: 'string', description: L('親会議体のID', 'Parent committee id') },
      ...named('目的', 'purpose'),
      ...PAGE_URLS('会議体'),
    ],
    rows: (d) =>
      sorted(d.committees).map((c) => [
        c.id,
        c.name.ja,
        c.name.en,
        c.kind,
        c.parent,
        c.purpose.ja,
        c.purpose.en,
        ...pageUrls((lang) => paths.committee(lang, c.id)),
      ]),
  },
  {
    name: 'committee-members',
    title: L('委員名簿', 'Committee rosters'),
    description: L(
      '名簿（期・年度ごと）の委員1人につき1行。氏名は出典の表記のまま。',
      'One row per member of a roster (by term). Names as printed.',
    ),
    primaryKey: ['committee', 'roster', 'position'],
    foreignKeys: [{ fields: 'committee', resource: 'committees', field: 'id' }],
    columns: [
      { name: 'committee', type: 'string', description: L('会議体ID', 'Committee id'), required: true },
      { name: 'roster', type: 'string', description: L('名簿ID', 'Roster id'), required: true },
      { ...FISCAL_YEAR, description: L('名簿が載った資料の年度', 'Fiscal year of the materials') },
      { name: 'as_of', type: 'date', description: L('名簿が有効と分かる日', 'Date the roster is known in force') },
      { name: 'position', type: 'integer', description: L('名簿の順番（1から）', 'Order in the roster, from 1') },
      { name: 'name', type: 'string', description: L('氏名（出典の表記）', 'Name as printed') },
      {
        name: 'role',
        type: 'string',
        description: L('役割', 'Role'),
        codes: MEMBER_ROLES.map((r) => ({
          value: r,
          meaning: {
            chair: L('会長・部会長', 'chair'),
            'vice-chair': L('副会長・副部会長', 'vice-chair'),
            member: L('委員', 'member'),
            secretary: L('幹事', 'secretary'),
            observer: L('オブザーバー', 'observer'),
          }[r],
        })),
      },
      ...named('所属', 'affiliation'),
    ],
    rows: (d) =>
      sorted(d.committees).flatMap((c) =>
        c.rosters.flatMap((r) =>
          r.members.map((m, i) => [
            c.id,
            r.id,
            r.fiscal_year,
            r.as_of,
            i + 1,
            m.name,
            m.role,
            m.affiliation.ja,
            m.affiliation.en,
          ]),
        ),
      ),
  },
  {
    name: 'plans',
    title: L('計画', 'Plans'),
    description: L('計画・取組の文書1件につき1行。', 'One row per plan or initiatives document.'),
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'string', description: L('計画ID', 'Plan id'), required: true },
      ...named('名称'),
      {
        name: 'kind',
        type: 'string',
        description: L('種類', 'Kind'),
        codes: codes({
          'health-medical-plan': ['保健医療計画', 'health and medical care plan'],
          'elderly-welfare-plan': ['高齢者保健福祉計画', 'elderly health and welfare plan'],
          'annual-initiatives': ['年度の都の取組', "a year's initiatives"],
        }),
      },
      { name: 'period_from', type: 'integer', description: L('計画期間の最初の年度', 'First fiscal year covered') },
      { name: 'period_to', type: 'integer', description: L('計画期間の最後の年度', 'Last fiscal year covered') },
      { name: 'draft', type: 'boolean', description: L('案・骨子なら true', 'true for a draft') },
      ...PAGE_URLS('計画'),
    ],
    rows: (d) =>
      sorted(d.plans).map((p) => [
        p.id,
        p.name.ja,
        p.name.en,
        p.kind,
        p.period.from,
        p.period.to,
        p.draft,
        ...pageUrls((lang) => paths.plan(lang, p.id)),
      ]),
  },
  {
    name: 'plan-initiatives',
    title: L('計画の取組・事項', 'Plan initiatives'),
    description: L('計画の取組・事項1件につき1行。', 'One row per initiative or item of a plan.'),
    primaryKey: ['plan', 'id'],
    foreignKeys: [{ fields: 'plan', resource: 'plans', field: 'id' }],
    columns: [
      { name: 'plan', type: 'string', description: L('計画ID', 'Plan id'), required: true },
      { name: 'id', type: 'string', description: L('取組ID（計画内で一意）', 'Initiative id within the plan') },
      { name: 'number', type: 'integer', description: L('番号（印刷のまま）', 'Number as printed') },
      { name: 'issue', type: 'string', description: L('課題・領域のID', 'Issue or area id') },
      ...named('取組', 'title'),
      ...named('目標', 'goal').map((c) => ({ ...c, required: false })),
      ...PAGE_URLS('取組'),
    ],
    rows: (d) =>
      sorted(d.plans).flatMap((p) =>
        p.initiatives.map((i) => [
          p.id,
          i.id,
          i.number,
          i.issue,
          i.title.ja,
          i.title.en,
          i.goal?.ja,
          i.goal?.en,
          ...pageUrls((lang) => paths.initiative(lang, p.id, i.id)),
        ]),
      ),
  },
  {
    name: 'indicators',
    title: L('指標', 'Indicators'),
    description: L(
      '指標1件につき1行。値の推移は figures 表（owner_kind = indicator）。',
      'One row per indicator; its values are in the figures table (owner_kind = indicator).',
    ),
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'string', description: L('指標ID', 'Indicator id'), required: true },
      ...named('名称'),
      { name: 'unit', type: 'string', description: L('値の単位（出典の表記）', 'Unit of the values as printed') },
      ...named('定義（出典の記載）', 'definition').map((c) => ({ ...c, required: false })),
      ...named('データの出典（統計名）', 'data_source').map((c) => ({ ...c, required: false })),
      ...PAGE_URLS('指標'),
    ],
    rows: (d) =>
      sorted(d.indicators).map((i) => [
        i.id,
        i.name.ja,
        i.name.en,
        i.unit,
        i.definition?.text.ja,
        i.definition?.text.en,
        i.data_source?.text.ja,
        i.data_source?.text.en,
        ...pageUrls((lang) => paths.indicator(lang, i.id)),
      ]),
  },
  {
    name: 'municipalities',
    title: L('区市町村', 'Municipalities'),
    description: L(
      '東京都の区市町村1つにつき1行。code は総務省の全国地方公共団体コード（6桁、末尾は検査数字）。',
      'One row per municipality of Tokyo. code is the national local government code (6 ' +
        'digits, the last a check digit).',
    ),
    primaryKey: ['code'],
    columns: [
      {
        name: 'code',
        type: 'string',
        description: L(
          '全国地方公共団体コード（6桁。先頭の0も含む文字列）',
          'Local government code (6 digits, kept as text)',
        ),
        required: true,
      },
      { name: 'id', type: 'string', description: L('このサイトのID（ローマ字）', "This site's id (romanized)") },
      ...named('名称'),
      {
        name: 'kind',
        type: 'string',
        description: L('種類', 'Kind'),
        codes: codes({
          ward: ['特別区', 'special ward'],
          city: ['市', 'city'],
          town: ['町', 'town'],
          village: ['村', 'village'],
        }),
      },
      {
        name: 'area',
        type: 'string',
        description: L('地域', 'Area'),
        codes: codes({
          wards: ['区部', 'the 23 special wards'],
          tama: ['多摩', 'Tama'],
          islands: ['島しょ', 'islands'],
        }),
      },
    ],
    rows: (d) =>
      [...d.municipalities]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((m) => [m.code, m.id, m.name.ja, m.name.en, m.kind, m.area]),
  },
  {
    name: 'sources',
    title: L('出典文書', 'Source documents'),
    description: L('数値・記述の出典文書1件につき1行。', 'One row per source document cited.'),
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'string', description: L('出典ID', 'Source id'), required: true },
      ...named('文書名', 'title'),
      ...named('発行者', 'publisher'),
      { name: 'date', type: 'date', description: L('文書の日付（分かる場合）', 'Date of the document, when known') },
      { name: 'fiscal_year', type: 'integer', description: L('対象年度', 'Fiscal year it is about') },
      ...PAGE_URLS('出典'),
    ],
    rows: (d) =>
      sorted(d.sources).map((s) => [
        s.id,
        s.title.ja,
        s.title.en,
        s.publisher.ja,
        s.publisher.en,
        s.date,
        s.fiscal_year,
        ...pageUrls((lang) => paths.source(lang, s.id)),
      ]),
  },
];

export const tableNamed = (name: string): TableSpec => {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no open-data table ${name}`);
  return table;
};

/** Rows as objects keyed by column name, empty cells left out: the JSON form of a table. */
export function rowObjects(table: TableSpec, rows: Cell[][]): Record<string, string | number | boolean>[] {
  return rows.map((row) =>
    Object.fromEntries(
      table.columns.flatMap((c, i) => (row[i] === undefined || row[i] === null ? [] : [[c.name, row[i]!]])),
    ),
  );
}

/**
 * The JSON downloads at /data/<name>.json: the validated entries of a collection, nested as the pages use
 * them (a meeting with its agenda items and handouts, a committee with its rosters); the fields are those
 * of the collection's JSON Schema (/schemas/<kind>.schema.json). figures.json is the figures table as
 * objects. programs.json keeps the sources it cites beside the programs, as it was first published.
 */
export const JSON_FILES = {
  programs: (d: Collections) => ({ programs: sorted(d.programs), sources: sorted(d.sources) }),
  figures: (d: Collections) => ({ figures: rowObjects(tableNamed('figures'), tableNamed('figures').rows(d)) }),
  meetings: (d: Collections) => ({ meetings: sorted(d.meetings) }),
  committees: (d: Collections) => ({ committees: sorted(d.committees) }),
  plans: (d: Collections) => ({ plans: sorted(d.plans) }),
  indicators: (d: Collections) => ({ indicators: sorted(d.indicators) }),
  municipalities: (d: Collections) => ({
    municipalities: [...d.municipalities].sort((a, b) => a.code.localeCompare(b.code)),
  }),
  sources: (d: Collections) => ({ sources: sorted(d.sources) }),
} as const;
export type JsonFileName = keyof typeof JSON_FILES;
export const JSON_FILE_NAMES = Object.keys(JSON_FILES) as JsonFileName[];

/** The collection whose JSON Schema describes the entries of a JSON download (figures: the table). */
export const JSON_FILE_COLLECTION: Record<JsonFileName, string | undefined> = {
  programs: 'programs',
  figures: undefined,
  meetings: 'meetings',
  committees: 'committees',
  plans: 'plans',
  indicators: 'indicators',
  municipalities: 'municipalities',
  sources: 'sources',
};

/** JSON text of a download: one space indentation, a final line break. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

const KIND = FIGURE_COLUMNS.indexOf('owner_kind');
const OWNER = FIGURE_COLUMNS.indexOf('owner_id');
const YEAR = FIGURE_COLUMNS.indexOf('fiscal_year');

/** The figures rows grouped by owner ('program/<id>', 'indicator/<id>') and by fiscal year, once per build. */
const figureIndexes = new WeakMap<Collections, { byOwner: Map<string, Cell[][]>; byYear: Map<number, Cell[][]> }>();

function pushTo<K>(map: Map<K, Cell[][]>, key: K, row: Cell[]): void {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(key, [row]);
}

function figureIndex(data: Collections) {
  let index = figureIndexes.get(data);
  if (!index) {
    index = { byOwner: new Map(), byYear: new Map() };
    for (const row of tableNamed('figures').rows(data)) {
      pushTo(index.byOwner, `${row[KIND]}/${row[OWNER]}`, row);
      pushTo(index.byYear, Number(row[YEAR]), row);
    }
    figureIndexes.set(data, index);
  }
  return index;
}

/**
 * The rows of /data/figures.csv for one owner (a program's sheet, an indicator's series) or one fiscal
 * year, in figures.csv order. Looked up in an index built once, so a build of N per-program files stays
 * linear in N.
 */
export function figureRowsOf(
  data: Collections,
  by: { owner: 'program' | 'indicator'; id: string } | { year: number },
): Cell[][] {
  const index = figureIndex(data);
  return ('year' in by ? index.byYear.get(by.year) : index.byOwner.get(`${by.owner}/${by.id}`)) ?? [];
}
