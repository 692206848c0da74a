import { describe, expect, it } from 'vitest';
import { codeOf, dateOf, refId } from './fhir-json.js';
import { makeResolver } from './context.js';

describe('FHIR JSON readers', () => {
  it('resolves references in every form', () => {
    expect(refId({ reference: 'Patient/123' })).toBe('123');
    expect(refId({ reference: 'urn:uuid:abc-def' })).toBe('abc-def');
    expect(refId({ reference: 'urn:oid:1.2.3' })).toBe('1.2.3');
    expect(refId({ reference: 'Patient?identifier=x|1' })).toBeNull();
    expect(refId({ reference: 'https://ehr.example/fhir/Patient/9/_history/2' })).toBe('9');
    expect(refId({ display: 'no reference' })).toBeNull();
    const resolve = makeResolver(new Map([['urn:uuid:f00', 'p1']]));
    expect(resolve({ reference: 'urn:uuid:f00' })).toBe('p1');
    expect(resolve({ reference: 'Patient/p2' })).toBe('p2');
  });

  it('keeps the calendar date of dates, dateTimes and partial dates', () => {
    expect(dateOf('2024-03-01T23:30:00-05:00')).toBe('2024-03-01');
    expect(dateOf('2024-03')).toBe('2024-03-01');
    expect(dateOf('2024')).toBe('2024-01-01');
    expect(dateOf('yesterday')).toBeNull();
  });

  it('picks the preferred coding and maps its system to a short id', () => {
    const cc = {
      coding: [
        { system: 'http://snomed.info/sct', code: '59621000' },
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' },
      ],
    };
    expect(codeOf(cc, ['icd10cm'])).toEqual({ code: 'I10', system: 'icd10cm' });
    expect(codeOf(cc)).toEqual({ code: '59621000', system: 'snomed' });
    expect(codeOf({ text: 'free text' })).toBeNull();
  });
});
