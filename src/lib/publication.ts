/**
 * Who publishes the open data and under which licence: the one place the data page, its JSON-LD, the DCAT
 * catalogue, datapackage.json and the Atom feeds read. Change the licence or publisher here only.
 */
import type { Localized } from '../schemas/common.ts';

export interface Licence {
  /** SPDX identifier (datapackage.json `name`). */
  id: string;
  title: Localized;
  url: string;
}

export const LICENCE: Licence = {
  id: 'CC-BY-4.0',
  title: {
    ja: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）',
    en: 'Creative Commons Attribution 4.0 International',
  },
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

export interface Publisher {
  name: Localized;
  /** A page about the publisher, on this site (made absolute with the site origin). */
  path: string;
}

/** The editors of this site: they curate the data from the Tokyo Metropolitan Government's published documents. */
export const PUBLISHER: Publisher = {
  name: { ja: '在宅療養事業アトラス編集チーム', en: 'Zaitaku Atlas editors' },
  path: '/about/',
};

/** The dataset as a whole, for the data page, JSON-LD, DCAT and datapackage.json. */
export const DATASET = {
  /** datapackage.json `name`: lowercase, '-', '.', '_' only. */
  name: 'zaitaku-atlas',
  title: {
    ja: '在宅療養事業アトラス データセット',
    en: 'Zaitaku Atlas dataset: Tokyo home-based care programs',
  },
  description: {
    ja:
      '東京都の在宅療養（在宅医療・訪問看護・介護）に関する事業の予算額・計画・実績の数値（年度別、出典の文書と見出し付き）、' +
      '事業の一覧、東京都在宅療養推進会議と部会の会議（議事と配布資料）、委員名簿、計画の取組、指標の推移、' +
      '東京都の区市町村（全国地方公共団体コード付き）を、CSV と JSON で提供します。公表資料から編集チームが転記・整理したものです。',
    en:
      "Figures on the Tokyo Metropolitan Government's programs for home-based care (in-home medical care, " +
      'home-visit nursing and long-term care): budgets, plans and results by fiscal year, each with its source ' +
      'document and heading; the programs; the meetings of the Tokyo home-based care promotion council and its ' +
      'subcommittees with agenda items and handouts; committee rosters by term; plan initiatives; indicator series; ' +
      "and Tokyo's municipalities with their local government codes. CSV and JSON, " +
      'transcribed from published documents.',
  },
  keywords: {
    ja: ['在宅療養', '在宅医療', '訪問看護', '東京都', '予算', 'オープンデータ'],
    en: ['home-based care', 'in-home medical care', 'home-visit nursing', 'Tokyo', 'budget', 'open data'],
  },
  /** What the data covers in space (schema.org spatialCoverage, DCAT spatial). */
  spatial: { ja: '東京都', en: 'Tokyo, Japan' },
} as const;
