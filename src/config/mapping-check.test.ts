import { describe, expect, it } from 'vitest';
import { canonicalLabel } from '../model/vocab/canonical-label.js';
import { EquilensError } from '../errors.js';
import { acceptsValue, ATTRIBUTES, attributeInfo, STATUS_CODES } from './attribute-vocabulary.js';
import { parseConfigText } from './load.js';

// Line 8 is the first attribute line.
const config = (attributes: string) => `project: { name: Test }
sources:
  - name: main
    type: csv
mapping:
  patient_id: pid
  attributes:
${attributes}
`;

function errorOf(text: string): EquilensError {
  try {
    parseConfigText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(EquilensError);
    return e as EquilensError;
  }
  throw new Error('expected the config to be refused');
}

describe('mapping.attributes is checked against the vocabulary', () => {
  it('refuses a misspelled attribute name at its line, with a did-you-mean', () => {
    const e = errorOf(config('    sex: { column: sex }\n    races: { column: race }'));
    expect(e.code).toBe('invalid_config');
    expect(e.message).toBe('Unknown attribute "races". Did you mean "race"?');
    expect(e.details).toMatchObject({ line: 9, column: 5, path: 'mapping.attributes.races' });
    expect(e.details.fix).toContain('custom: true');
  });

  it('accepts a custom attribute: a name far from every standard one, or one marked custom', () => {
    expect(() =>
      parseConfigText(config('    housing: { column: h, values: { A: Apartment } }')),
    ).not.toThrow();
    expect(() => parseConfigText(config('    country: { column: c }'))).toThrow(/Did you mean "county"/);
    expect(() => parseConfigText(config('    country: { column: c, custom: true }'))).not.toThrow();
  });

  it('refuses a custom attribute name that cannot be a column', () => {
    const e = errorOf(config('    Housing Type: { column: h }'));
    expect(e.message).toMatch(/lower_snake_case/);
    expect(e.details.line).toBe(8);
  });

  it('refuses a canonical value the attribute does not have, naming the right key and the allowed list', () => {
    const e = errorOf(
      config('    race:\n      column: race\n      values:\n        W: white\n        Black: blak'),
    );
    expect(e.details.path).toBe('mapping.attributes.race.values.Black');
    expect(e.details).toMatchObject({ line: 12, column: 16 });
    expect(e.message).toMatch(
      /^"blak" is not a canonical race value \(for the code "Black"\)\. Did you mean "black"\?/,
    );
    expect(e.message).toContain('Allowed: aian, asian, black, nhpi, white');
    expect(e.message).toContain('declined, unknown, missing');
    expect(e.details.fix).toBe('Write "black".');
  });

  it('checks default: too, and lists every allowed code of a small vocabulary', () => {
    const e = errorOf(config('    sex: { column: s, values: { F: female }, default: woman }'));
    expect(e.details.path).toBe('mapping.attributes.sex.default');
    expect(e.message).toContain('Allowed: female, male, intersex; or a status: declined, unknown, missing.');
  });

  it('accepts codes, labels, synonyms, statuses and code lists', () => {
    const ok = [
      '    sex: { column: s, values: { F: female, M: Male, X: x, U: UNK, D: ASKU } }',
      '    race: { column: r, values: { M: "2054-5;2106-3", H: hispanic, C: caucasian } }',
      '    payer: { column: p, values: { S: self_pay, P: selfPay }, default: other }',
      '    language: { column: l, values: { S: Español, M: es-MX } }',
      '    age_band: { column: a, values: { Y: "[0-10)", O: 90+ } }',
      '    zip: { column: z, values: { "00000": missing } }',
    ];
    for (const a of ok) expect(() => parseConfigText(config(a)), a).not.toThrow();
  });
});

describe('attribute vocabulary (read from src/model)', () => {
  it('every canonical code and synonym of every attribute is accepted by the model', () => {
    for (const a of ATTRIBUTES) {
      for (const c of a.codes) expect(acceptsValue(a.name, c.code), `${a.name}: ${c.code}`).toBe(true);
      for (const syns of Object.values(a.synonyms))
        for (const s of syns) expect(acceptsValue(a.name, s), `${a.name}: ${s}`).toBe(true);
      for (const s of STATUS_CODES) expect(acceptsValue(a.name, s.code)).toBe(true);
    }
  });

  it('labels codes as the model does', () => {
    const sex = attributeInfo('sex')!;
    expect(sex.codes).toEqual([
      { code: 'female', label: 'Female' },
      { code: 'male', label: 'Male' },
      { code: 'intersex', label: 'Intersex' },
    ]);
    expect(attributeInfo('race')!.codes.find((c) => c.code === 'mena')!.label).toBe(
      canonicalLabel('race', 'mena'),
    );
    expect(attributeInfo('payer')!.synonyms['Uninsured/self-pay']).toContain('uninsured');
  });
});
