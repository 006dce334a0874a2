/**
 * UI strings: one flat JSON file per language in src/i18n/ with identical keys (a test checks).
 * Data text is not here: it carries its own {ja, en}.
 */
import ja from '../i18n/ja.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type UIKey = keyof typeof ja;
const UI_STRINGS: Record<Lang, Record<UIKey, string>> = { ja, en: en as Record<UIKey, string> };

/** Looks up a UI string and fills {name} placeholders. Unknown keys throw: a typo must not ship as blank text. */
export function t(lang: Lang, key: UIKey, vars: Record<string, string | number> = {}): string {
  const template = UI_STRINGS[lang][key];
  if (template === undefined) throw new Error(`missing UI string "${key}" for ${lang}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`UI string "${key}" needs {${name}}`);
    return String(vars[name]);
  });
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}

export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return 'ja';
  if (param === 'en') return 'en';
  throw new Error(`unknown language segment "${param}"`);
}
