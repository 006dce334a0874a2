/**
 * The search query set: what officials type, and the page that must be among the first three results.
 * Built from the curated data in data/ (names, abbreviations, fiscal years, roster names, municipalities,
 * budget figures as printed). Run in a real browser against the built site by
 * tests/browser/search.spec.ts, which prints the misses and fails below PASS_RATE.
 *
 * `kind` says what the query exercises, so a miss can be read at a glance.
 */
export type QueryKind =
  | 'name' // the program's name or most of it
  | 'fragment' // a part of a long name
  | 'abbreviation' // カスハラ, 看多機, ACP
  | 'width' // full-width or half-width input (NFKC)
  | 'fiscal-year' // a fiscal year written some way
  | 'person' // a name on a committee roster
  | 'place' // a municipality
  | 'figure' // a budget amount or count as printed
  | 'counter' // a number with a counter (18か所)
  | 'topic' // a word for what the program is about
  | 'stemming' // an English word form that differs from the page's
  | 'kana' // hiragana typed for a katakana term, or the other way round
  | 'date'; // the day of a meeting written some way

export interface SearchQuery {
  lang: 'ja' | 'en';
  q: string;
  /** Path (with /en/ for English) expected among the first three results. */
  expect: string;
  kind: QueryKind;
}

export const PASS_RATE = 0.95;

const p = (id: string) => `/programs/${id}/`;

const ja: Omit<SearchQuery, 'lang'>[] = [
  // Abbreviations and fragments of long names
  { q: 'カスハラ', expect: p('care-customer-harassment-countermeasures'), kind: 'abbreviation' },
  { q: 'ｶｽﾊﾗ', expect: p('care-customer-harassment-countermeasures'), kind: 'width' },
  { q: 'カスタマーハラスメント', expect: p('care-customer-harassment-countermeasures'), kind: 'fragment' },
  { q: '教育ステーション', expect: p('visiting-nursing-education-stations'), kind: 'fragment' },
  { q: '人工呼吸器', expect: p('home-ventilator-user-support'), kind: 'fragment' },
  { q: 'ＡＣＰ', expect: p('acp-promotion'), kind: 'width' },
  { q: 'ACP推進事業', expect: p('acp-promotion'), kind: 'name' },
  { q: 'ACP実践力', expect: p('acp-practice-capacity-development'), kind: 'fragment' },
  { q: '看多機', expect: p('kantaki-liaison-meeting'), kind: 'abbreviation' },
  { q: '入退院時連携強化', expect: p('admission-discharge-coordination'), kind: 'fragment' },
  { q: '入退院時連携支援事業', expect: p('admission-discharge-support-staffing'), kind: 'name' },
  { q: '看取り', expect: p('end-of-life-care-in-living-places'), kind: 'topic' },
  { q: '暑さ対策', expect: p('home-visit-care-heat-countermeasures'), kind: 'fragment' },
  { q: 'フレイル予防推進員', expect: p('care-prevention-frailty-promoter-placement'), kind: 'fragment' },
  { q: '認知症疾患医療センター', expect: p('dementia-medical-center-operation'), kind: 'fragment' },
  { q: '修学資金', expect: p('certified-care-worker-study-loans'), kind: 'fragment' },
  { q: '代替職員', expect: p('visiting-nursing-substitute-staff-support'), kind: 'fragment' },
  { q: '産休', expect: p('visiting-nursing-substitute-staff-support'), kind: 'fragment' },
  { q: '事務職員雇用', expect: p('visiting-nursing-clerical-staff-support'), kind: 'fragment' },
  { q: '新任訪問看護師', expect: p('new-visiting-nurse-training-support'), kind: 'fragment' },
  { q: '認定訪問看護師', expect: p('certified-visiting-nurse-qualification-support'), kind: 'fragment' },
  { q: 'いきいき・あんしん', expect: p('ikiiki-anshin-visiting-nurse-training'), kind: 'fragment' },
  { q: '多職種連携ポータルサイト', expect: p('multidisciplinary-portal-site'), kind: 'name' },
  { q: '災害時在宅医療', expect: p('disaster-home-medical-care-strengthening'), kind: 'fragment' },
  { q: '地域リハビリテーション', expect: p('tokyo-regional-rehabilitation-support'), kind: 'fragment' },
  { q: '小児等在宅医療推進研修', expect: p('pediatric-home-medical-care-training'), kind: 'fragment' },
  { q: '在宅医療参入', expect: p('home-medical-care-entry-promotion'), kind: 'fragment' },
  { q: '地域包括支援センター', expect: p('community-general-support-center-strengthening'), kind: 'fragment' },
  { q: '在宅療養患者家族支援', expect: p('family-caregiver-support'), kind: 'fragment' },
  { q: 'オンデマンド研修', expect: p('visiting-nurse-on-demand-training'), kind: 'fragment' },
  { q: '地域ケア会議', expect: p('community-care-meeting-promotion'), kind: 'fragment' },
  { q: '介護認定審査会', expect: p('care-certification-board-operation-improvement'), kind: 'fragment' },
  { q: '生活支援体制整備', expect: p('daily-life-support-system-strengthening'), kind: 'fragment' },
  { q: '介護人材緊急対策', expect: p('municipal-care-workforce-emergency-subsidy'), kind: 'fragment' },
  { q: '管理者・指導者育成', expect: p('visiting-nursing-manager-training'), kind: 'fragment' },
  // A program name that meetings and sources also mention: the program page ranks first three
  { q: '訪問看護推進総合事業', expect: p('visiting-nursing-comprehensive-program'), kind: 'name' },
  { q: '区市町村在宅療養推進事業', expect: p('municipal-zaitaku-promotion'), kind: 'name' },
  { q: '訪問看護人材確保事業', expect: p('visiting-nursing-recruitment'), kind: 'name' },
  // Fiscal years in any form
  { q: '令和6年度', expect: '/fy/2024/', kind: 'fiscal-year' },
  { q: 'R6', expect: '/fy/2024/', kind: 'fiscal-year' },
  { q: '2024年度', expect: '/fy/2024/', kind: 'fiscal-year' },
  { q: 'FY2024', expect: '/fy/2024/', kind: 'fiscal-year' },
  { q: '令和７年度', expect: '/fy/2025/', kind: 'fiscal-year' },
  { q: '２０２５年度', expect: '/fy/2025/', kind: 'fiscal-year' },
  { q: '平成31年度', expect: '/fy/2019/', kind: 'fiscal-year' },
  { q: '令和元年度', expect: '/fy/2019/', kind: 'fiscal-year' },
  { q: 'H30', expect: '/fy/2018/', kind: 'fiscal-year' },
  { q: 'R7 教育ステーション', expect: p('visiting-nursing-education-stations'), kind: 'fiscal-year' },
  { q: '令和7年度 カスハラ', expect: p('care-customer-harassment-countermeasures'), kind: 'fiscal-year' },
  { q: '令和6年度第2回', expect: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'fiscal-year' },
  // People on rosters, places, figures
  { q: '山田 雅子', expect: '/committees/zaitaku-care-medical-collaboration-subcommittee/', kind: 'person' },
  { q: '秋山正子', expect: '/committees/zaitaku-care-medical-collaboration-subcommittee/', kind: 'person' },
  { q: '日野市', expect: p('visiting-nursing-education-stations'), kind: 'place' },
  { q: '233,453', expect: p('visiting-nursing-comprehensive-program'), kind: 'figure' },
  { q: '233453', expect: p('visiting-nursing-comprehensive-program'), kind: 'figure' },
  { q: '119,141千円', expect: p('care-customer-harassment-countermeasures'), kind: 'figure' },
  { q: '18か所', expect: p('visiting-nursing-education-stations'), kind: 'counter' },
  { q: '18箇所', expect: p('visiting-nursing-education-stations'), kind: 'counter' },
  { q: '13か所', expect: p('visiting-nursing-education-stations'), kind: 'counter' },
  { q: '600,000千円', expect: p('home-medical-care-promotion-strengthening'), kind: 'figure' },
  { q: '47711', expect: p('visiting-nursing-education-stations'), kind: 'figure' },
  { q: '新田 國夫', expect: '/committees/zaitaku-care-medical-collaboration-subcommittee/', kind: 'person' },
  { q: '道傳潔', expect: '/committees/zaitaku-care-medical-collaboration-subcommittee/', kind: 'person' },
  { q: '練馬区', expect: p('visiting-nursing-education-stations'), kind: 'place' },
  { q: '東大和市', expect: p('visiting-nursing-education-stations'), kind: 'place' },
  // Committees, regulations, plans, surveys
  { q: '在宅療養推進会議', expect: '/committees/zaitaku-promotion-council/', kind: 'name' },
  { q: '運営に係る細目', expect: '/regulations/zaitaku-promotion-council-operating-rules/', kind: 'fragment' },
  { q: '普及事業実施要綱', expect: '/regulations/zaitaku-dissemination-project-outline/', kind: 'fragment' },
  { q: '人材確保・定着等に関する調査', expect: '/surveys/visiting-nursing-workforce-survey-fy2024/', kind: 'fragment' },
  { q: '保健医療計画 骨子', expect: '/plan/tokyo-health-plan-2024-outline/', kind: 'fragment' },
  { q: '第7期 高齢者保健福祉計画', expect: '/plan/elderly-plan-7-municipal-support/', kind: 'fragment' },
  // Plan items (取組/事項) and indicators: pages of their own
  { q: '都内介護福祉士数', expect: '/indicators/certified-care-workers-in-tokyo/', kind: 'name' },
  { q: '退院支援を実施している診療所', expect: '/indicators/clinics-hospitals-discharge-support/', kind: 'fragment' },
  {
    q: '生活支援体制整備に関する情報交換会',
    expect: '/plan/elderly-plan-7-municipal-support/area-3-item-2/',
    kind: 'fragment',
  },
  // Kana typed in the other script, and a meeting's day written the common ways
  { q: 'かすはら', expect: p('care-customer-harassment-countermeasures'), kind: 'kana' },
  { q: 'かすたまーはらすめんと', expect: p('care-customer-harassment-countermeasures'), kind: 'kana' },
  { q: '令和7年2月5日', expect: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
  { q: '2025年2月5日', expect: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
  { q: '2025-02-05', expect: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
  { q: 'R7.2.5', expect: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
];

const en: Omit<SearchQuery, 'lang'>[] = [
  { q: 'education station', expect: p('visiting-nursing-education-stations'), kind: 'stemming' },
  { q: 'customer harassment', expect: p('care-customer-harassment-countermeasures'), kind: 'name' },
  { q: 'harassment in-home medical care', expect: p('home-medical-care-harassment-countermeasures'), kind: 'fragment' },
  { q: 'ventilator', expect: p('home-ventilator-user-support'), kind: 'stemming' },
  { q: 'end-of-life', expect: p('end-of-life-care-in-living-places'), kind: 'topic' },
  { q: 'advance care planning', expect: p('acp-promotion'), kind: 'name' },
  { q: 'ＡＣＰ', expect: p('acp-promotion'), kind: 'width' },
  { q: 'FY2024', expect: '/fy/2024/', kind: 'fiscal-year' },
  { q: 'R7', expect: '/fy/2025/', kind: 'fiscal-year' },
  { q: '令和元年度', expect: '/fy/2019/', kind: 'fiscal-year' },
  { q: 'heat', expect: p('home-visit-care-heat-countermeasures'), kind: 'topic' },
  { q: 'frailty prevention promoters', expect: p('care-prevention-frailty-promoter-placement'), kind: 'stemming' },
  { q: 'study loan', expect: p('certified-care-worker-study-loans'), kind: 'stemming' },
  { q: 'maternity leave', expect: p('visiting-nursing-substitute-staff-support'), kind: 'topic' },
  { q: 'clerical staff', expect: p('visiting-nursing-clerical-staff-support'), kind: 'fragment' },
  { q: 'Hino', expect: p('visiting-nursing-education-stations'), kind: 'place' },
  { q: '233,453', expect: p('visiting-nursing-comprehensive-program'), kind: 'figure' },
  { q: 'dementia medical center', expect: p('dementia-medical-center-operation'), kind: 'stemming' },
  { q: 'pediatric training', expect: p('pediatric-home-medical-care-training'), kind: 'fragment' },
  { q: 'rehabilitation', expect: p('tokyo-regional-rehabilitation-support'), kind: 'topic' },
  { q: 'disasters', expect: p('disaster-home-medical-care-strengthening'), kind: 'stemming' },
  { q: 'kantaki', expect: p('kantaki-liaison-meeting'), kind: 'abbreviation' },
  { q: '山田 雅子', expect: '/en/committees/zaitaku-care-medical-collaboration-subcommittee/', kind: 'person' },
  { q: 'newly hired nurses', expect: p('new-visiting-nurse-training-support'), kind: 'stemming' },
  { q: 'portal site', expect: p('multidisciplinary-portal-site'), kind: 'fragment' },
  { q: 'certified nurse qualification', expect: p('certified-visiting-nurse-qualification-support'), kind: 'fragment' },
  { q: 'on-demand training', expect: p('visiting-nurse-on-demand-training'), kind: 'fragment' },
  { q: 'certification boards', expect: p('care-certification-board-operation-improvement'), kind: 'stemming' },
  { q: 'Nerima', expect: p('visiting-nursing-education-stations'), kind: 'place' },
  { q: 'H31', expect: '/fy/2019/', kind: 'fiscal-year' },
  { q: 'FY2025 harassment', expect: p('home-medical-care-harassment-countermeasures'), kind: 'fiscal-year' },
  { q: 'certified care workers in Tokyo', expect: '/indicators/certified-care-workers-in-tokyo/', kind: 'name' },
  { q: '5 February 2025', expect: '/en/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
  { q: '2025-02-05', expect: '/en/meetings/zaitaku-collaboration-subcommittee-fy2024-2/', kind: 'date' },
];

export const SEARCH_QUERIES: SearchQuery[] = [
  ...ja.map((x) => ({ ...x, lang: 'ja' as const })),
  ...en.map((x) => ({ ...x, lang: 'en' as const, expect: x.expect.startsWith('/en/') ? x.expect : `/en${x.expect}` })),
];
