/**
 * Units exactly as the source documents print them, with their English rendering. A figure's unit
 * must be one of these keys (the schema enforces it). Add a unit here only when a source uses it.
 *
 * `en` is [singular, plural]; `money` units are formatted as yen amounts in English.
 */
export interface UnitInfo {
  en: [string, string];
  /** Multiplier to yen for money units (千円 = 1,000). */
  yen?: number;
  /**
   * true when a figure in this unit may be a fraction as printed: a share (67.4%) or an amount of time
   * (155.5日). Every other unit counts whole things (人, 回, か所 …), and money is whole 千円/円.
   */
  fraction?: true;
}

export const UNITS = {
  千円: { en: ['thousand yen', 'thousand yen'], yen: 1_000 },
  百万円: { en: ['million yen', 'million yen'], yen: 1_000_000 },
  万円: { en: ['ten thousand yen', 'ten thousand yen'], yen: 10_000 },
  円: { en: ['yen', 'yen'], yen: 1 },
  人: { en: ['person', 'people'] },
  名: { en: ['person', 'people'] },
  人日: { en: ['person-day', 'person-days'], fraction: true },
  回: { en: ['time', 'times'] },
  日: { en: ['day', 'days'], fraction: true },
  時間: { en: ['hour', 'hours'], fraction: true },
  か所: { en: ['location', 'locations'] },
  箇所: { en: ['location', 'locations'] },
  事業所: { en: ['office', 'offices'] },
  事業者: { en: ['operator', 'operators'] },
  事業: { en: ['project', 'projects'] },
  区市町村: { en: ['municipality', 'municipalities'] },
  区市: { en: ['ward or city', 'wards and cities'] },
  区: { en: ['ward', 'wards'] },
  市: { en: ['city', 'cities'] },
  保険者: { en: ['insurer (municipality)', 'insurers (municipalities)'] },
  圏域: { en: ['area', 'areas'] },
  地区: { en: ['district', 'districts'] },
  施設: { en: ['facility', 'facilities'] },
  病院: { en: ['hospital', 'hospitals'] },
  医療機関: { en: ['medical institution', 'medical institutions'] },
  診療所: { en: ['clinic', 'clinics'] },
  団体: { en: ['organization', 'organizations'] },
  件: { en: ['case', 'cases'] },
  部: { en: ['copy', 'copies'] },
  床: { en: ['bed', 'beds'] },
  台: { en: ['unit', 'units'] },
  校: { en: ['school', 'schools'] },
  所: { en: ['facility', 'facilities'] },
  区市町: { en: ['ward, city or town', 'wards, cities and towns'] },
  メニュー: { en: ['menu item', 'menu items'] },
  島: { en: ['island', 'islands'] },
  自治体: { en: ['local government', 'local governments'] },
  センター: { en: ['center', 'centers'] },
  '%': { en: ['%', '%'], fraction: true },
} as const satisfies Record<string, UnitInfo>;

export type Unit = keyof typeof UNITS;
export const UNIT_KEYS = Object.keys(UNITS) as Unit[];

export function isMoneyUnit(unit: string): boolean {
  return (UNITS as Record<string, UnitInfo>)[unit]?.yen !== undefined;
}

/** Whether a figure in this unit may be fractional (67.4%, 155.5日); see UnitInfo.fraction. */
export function allowsFraction(unit: string): boolean {
  return (UNITS as Record<string, UnitInfo>)[unit]?.fraction === true;
}
