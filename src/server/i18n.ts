/** The server's page text from catalogue files (a new language is a new file and one line here). */
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };

const CATALOGUES: Record<string, Record<string, string>> = { en, es };
export type ServerLang = 'en' | 'es';
export const SERVER_LANGS: readonly ServerLang[] = ['en', 'es'];

export function isLang(x: unknown): x is ServerLang {
  return typeof x === 'string' && (SERVER_LANGS as readonly string[]).includes(x);
}

/** `t(lang, key, {name})`: the message, with `{name}` placeholders filled (plain text; the template escapes). */
export function t(lang: ServerLang, key: string, vars: Record<string, string> = {}): string {
  const msg = CATALOGUES[lang]?.[key] ?? CATALOGUES.en![key] ?? key;
  return msg.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
