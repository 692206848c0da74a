/**
 * Which source columns identify a person, so that their values are never copied into a rejection record,
 * the ingest JSON or a message (issue #10 item 9): the patient and unit ids, the birth date, address parts
 * (ZIP, tract, county), and any column whose name reads like a name, an address, a contact, an identifier
 * number or free text. Everything else (codes, outcome flags, event dates, numbers) keeps its value in the
 * rejection file, which is itself marked internal.
 */
import type { MappingConfig } from '../../config/index.js';

const IDENTIFYING_ATTRIBUTES = new Set(['birth_date', 'zip', 'tract', 'county']);

/** Column names that read like identifying data (whole words of a snake/camel/space-separated name). */
const IDENTIFYING_NAME =
  /(^|[^a-z])(name|first|last|surname|given|family|mrn|ssn|nhs|medicare_?no|id|ident|identifier|dob|birth|address|addr|street|city|zip|zipcode|postal|postcode|phone|tel|email|mail|note|notes|comment|comments|text|narrative|free_?text|description|remarks?)([^a-z]|$)/i;

const words = (c: string) => c.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** The header columns (exact names) whose values must be withheld. */
export function identifyingColumns(mapping: MappingConfig, header: readonly string[]): Set<string> {
  const lower = new Map(header.map((h) => [h.toLowerCase(), h]));
  const named = (c: string | undefined) => (c === undefined ? undefined : lower.get(c.toLowerCase()));
  const out = new Set<string>();
  const add = (c: string | undefined) => {
    const h = named(c);
    if (h !== undefined) out.add(h);
  };
  add(mapping.patient_id);
  add(mapping.unit_id);
  for (const [key, m] of Object.entries(mapping.attributes)) {
    if (IDENTIFYING_ATTRIBUTES.has(key)) add(m.column);
  }
  for (const h of header) if (IDENTIFYING_NAME.test(words(h))) out.add(h);
  return out;
}
