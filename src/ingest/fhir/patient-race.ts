/**
 * US Core race and ethnicity extensions → CDCREC codes and the OMB 1997 / 2024 labels. Every `ombCategory`
 * and `detailed` code is kept (several races = multiracial, never collapsed); NullFlavor UNK → Unknown,
 * ASKU → Declined; an extension with only `text` is read as a category name when it is one.
 */
import { deriveRaceEthnicity, type RaceEthnicity } from '../../model/vocab/index.js';
import { extension, extensions, str, type Json } from './fhir-json.js';

export interface RaceEthnicityExtract extends RaceEthnicity {
  raceCodes: string[];
  ethnicityCodes: string[];
  raceSource: string | null;
  ethnicitySource: string | null;
}

interface Parsed {
  codes: string[];
  statuses: string[];
  text: string | null;
}

const CDCREC = /^\d{4}-\d$/;

function parse(ext: Json | undefined): Parsed {
  const p: Parsed = { codes: [], statuses: [], text: null };
  if (!ext) return p;
  for (const name of ['ombCategory', 'detailed'])
    for (const sub of extensions(ext, name)) {
      const coding = sub.valueCoding as Json | undefined;
      const code = str(coding?.code);
      if (!code) continue;
      if (CDCREC.test(code)) {
        if (!p.codes.includes(code)) p.codes.push(code);
      } else p.statuses.push(code);
    }
  p.text = str(extension(ext, 'text')?.valueString);
  return p;
}

const source = (p: Parsed): string | null => {
  const codes = [...p.codes, ...p.statuses].join(',');
  if (!codes && !p.text) return null;
  return p.text ? (codes ? `${codes} (${p.text})` : p.text) : codes;
};

const memo = new Map<string, RaceEthnicity>();

export function raceEthnicityOf(patient: Json): RaceEthnicityExtract {
  const race = parse(extension(patient, 'us-core-race'));
  const eth = parse(extension(patient, 'us-core-ethnicity'));
  // No codes: the text alone (when it names a category) is the answer.
  const raceIn =
    race.codes.length || race.statuses.length
      ? [...race.codes, ...race.statuses]
      : race.text
        ? [race.text]
        : [];
  const ethIn =
    eth.codes.length || eth.statuses.length ? [...eth.codes, ...eth.statuses] : eth.text ? [eth.text] : [];
  const key = `${raceIn.join('|')}#${ethIn.join('|')}`;
  let derived = memo.get(key);
  if (!derived) {
    derived = deriveRaceEthnicity({ raceCodes: raceIn, ethnicityCodes: ethIn });
    if (memo.size > 10_000) memo.clear();
    memo.set(key, derived);
  }
  // Built property by property: spreading `derived` into a literal is several times slower.
  return {
    race: derived.race,
    ethnicity: derived.ethnicity,
    race_ethnicity: derived.race_ethnicity,
    categories: derived.categories,
    unmapped: derived.unmapped,
    raceCodes: race.codes,
    ethnicityCodes: eth.codes,
    raceSource: source(race),
    ethnicitySource: source(eth),
  };
}
