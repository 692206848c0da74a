/**
 * Measure titles and descriptions in the report's language: the config may give `title: {en, es}` (or a
 * plain string, used for every language). The report reads a copy of the results with each measure's title
 * (and description) in the language, so findings, charts and tables all say the same.
 */
import type { MeasureResult, ResultsFile } from '../model/results.js';
import { createLocale, type Lang } from './i18n.js';
import type { MeasureDefinition } from './methods-section.js';

export interface LocalisedDefinition extends MeasureDefinition {
  /** The title in each language the config gives. */
  titles?: Partial<Record<string, string>>;
  /** The description in each language the config gives. */
  descriptions?: Partial<Record<string, string>>;
}

export type ReportMeasure = MeasureResult & { description?: string };

export function localise(
  results: ResultsFile,
  lang: Lang,
  definitions: readonly LocalisedDefinition[] = [],
): ResultsFile {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const loc = createLocale(lang);
  const en = createLocale('en');
  // A standard measure (its title is the catalogue's English title) gets the catalogue's translation.
  const known = (m: MeasureResult): string | undefined => {
    const k = `measure.title.${m.id}`;
    return en.t(k) === m.title && loc.t(k) !== k ? loc.t(k) : undefined;
  };
  return {
    ...results,
    measures: results.measures.map((m): ReportMeasure => {
      const d = byId.get(m.id);
      if (!d) return { ...m, title: known(m) ?? m.title };
      const title = d.titles?.[lang] ?? known(m) ?? m.title;
      const description = d.descriptions?.[lang] ?? d.description;
      return { ...m, title, ...(description ? { description } : {}) };
    }),
  };
}

/** A config value that is a string or `{en, es, …}`: the text per language, and the English (or first) one. */
export function textsOf(v: string | Partial<Record<string, string>> | undefined): {
  text: string | undefined;
  texts: Partial<Record<string, string>> | undefined;
} {
  if (v === undefined || typeof v === 'string') return { text: v, texts: undefined };
  return { text: v.en ?? Object.values(v)[0], texts: v };
}

/** A measure as a project config gives it (config/measures.ts): the words and expressions the report shows. */
export interface ConfiguredMeasure {
  id: string;
  title: string;
  description?: string | undefined;
  titles?: Partial<Record<string, string>> | undefined;
  descriptions?: Partial<Record<string, string>> | undefined;
  numerator?: string | undefined;
  denominator?: string | undefined;
  exclusions?: string | undefined;
}

/**
 * The report's measure definitions from a config's measures: titles and descriptions in each language the
 * config gives, and the expressions, for the methods appendix.
 */
export const configuredDefinitions = (measures: readonly ConfiguredMeasure[]): LocalisedDefinition[] =>
  measures.map((m) => ({
    id: m.id,
    title: m.title,
    ...(m.description ? { description: m.description } : {}),
    ...(m.titles ? { titles: m.titles } : {}),
    ...(m.descriptions ? { descriptions: m.descriptions } : {}),
    ...(m.numerator ? { numerator: m.numerator } : {}),
    ...(m.denominator ? { denominator: m.denominator } : {}),
    ...(m.exclusions ? { exclusions: m.exclusions } : {}),
  }));
