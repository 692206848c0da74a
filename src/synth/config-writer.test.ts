import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfigText } from '../config/index.js';
import { canonicalLabel, deriveRaceEthnicity } from '../model/vocab/index.js';
import { buildConfig } from './config-writer.js';
import { defaultSpec } from './default-spec.js';
import { compileMeasures } from './measures-model.js';
import { CDC, MULTI_RACE_SEPARATOR, RE_GROUPS } from './vocabulary.js';

const spec = defaultSpec();
const config = buildConfig(spec, compileMeasures(spec), { extract: 'extract.csv' }) as {
  mapping: { attributes: Record<string, { column: string; values?: Record<string, string> }> };
};

describe('generated equilens.yaml', () => {
  it('validates against the config schema', () => {
    expect(() => parseConfigText(stringify(config))).not.toThrow();
  });

  it('maps every local code to a canonical code the model vocabulary knows', () => {
    const unknown: string[] = [];
    for (const [attribute, m] of Object.entries(config.mapping.attributes)) {
      const vocabAttribute = attribute === 'interpreter_needed' ? 'limited_english' : attribute;
      for (const [local, target] of Object.entries(m.values ?? {})) {
        if (target.includes(MULTI_RACE_SEPARATOR)) continue; // several codes in one cell: see below
        if (canonicalLabel(vocabAttribute, target) === null)
          unknown.push(`${attribute}: ${local} -> ${target}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('keeps the latent race/ethnicity labels consistent with the vocabulary', () => {
    const byKey = Object.fromEntries(RE_GROUPS.map((g) => [g.key, g.label]));
    expect(canonicalLabel('race_ethnicity', CDC.black)).toBe(byKey.black);
    expect(canonicalLabel('race_ethnicity', CDC.mena[2]!)).toBe(byKey.mena);
    expect(canonicalLabel('race_ethnicity', CDC.hispanicDetailed[0]!)).toBe(byKey.hispanic);
    // Hispanic patients' race cells are "Other Race", empty or UNK: all Hispanic or Latino on the 2024 basis.
    for (const race of [[CDC.other], [], [CDC.unknown]]) {
      const r = deriveRaceEthnicity({ raceCodes: race, ethnicityCodes: [CDC.hispanicDetailed[1]!] });
      expect(r.race_ethnicity, race.join()).toBe(byKey.hispanic);
    }
    // Multiracial patients, once ingest splits the cell on ';'.
    const combo = CDC.black + MULTI_RACE_SEPARATOR + CDC.white;
    const multi = deriveRaceEthnicity({
      raceCodes: combo.split(MULTI_RACE_SEPARATOR),
      ethnicityCodes: [CDC.notHispanic],
    });
    expect(multi.race_ethnicity).toBe(byKey.multiple);
  });
});
