/**
 * Languages and UI strings. The strings are one flat JSON file per language in src/i18n/ with
 * identical keys (a test checks). Data text is not here: it carries its own {ja, en}. The
 * languages are declared here once: astro.config.mjs builds its i18n block from them, and
 * src/middleware.ts sets Astro.locals from Astro.currentLocale.
 */
import ja from '../i18n/ja.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Served at the root; the other languages under /<lang>/. */
export const DEFAULT_LANG: Lang = 'ja';

export type UIKey = keyof typeof ja;
export type Vars = Record<string, string | number>;
const UI_STRINGS: Record<Lang, Record<UIKey, string>> = { ja, en: en as Record<UIKey, string> };

/** Looks up a UI string and fills {name} placeholders. Unknown keys throw: a typo must not ship as blank text. */
export function t(lang: Lang, key: UIKey, vars: Vars = {}): string {
  const template = UI_STRINGS[lang][key];
  if (template === undefined) throw new Error(`missing UI string "${key}" for ${lang}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`UI string "${key}" needs {${name}}`);
    return String(vars[name]);
  });
}

export type Translate = (key: UIKey, vars?: Vars) => string;

/** t bound to one language: what pages and components see as Astro.locals.t. */
export function translator(lang: Lang): Translate {
  return (key, vars) => t(lang, key, vars);
}

/** The language the language switch leads to. */
export function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang)!;
}

/** The language of a request, from Astro.currentLocale (undefined outside the i18n routes: the default). */
export function langOf(locale: string | undefined): Lang {
  if (locale === undefined) return DEFAULT_LANG;
  const lang = LANGS.find((l) => l === locale);
  if (!lang) throw new Error(`unknown locale "${locale}"`);
  return lang;
}

/** The [...lang] parameter of each language: the default language without a prefix. */
export const LANG_PARAMS = LANGS.map((lang) => ({ lang: lang === DEFAULT_LANG ? undefined : lang }));

/** getStaticPaths of a page that exists once per language: `export const getStaticPaths = langStaticPaths;`. */
export function langStaticPaths() {
  return LANG_PARAMS.map((params) => ({ params }));
}
