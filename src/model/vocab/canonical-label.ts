/**
 * One entry point for "which label does this canonical key or code mean for this attribute":
 * simple attributes (simple-labels.ts), a single race/ethnicity code (race-ethnicity.ts), a language
 * (language.ts) and an age range (age.ts). Custom attributes only know the status keys.
 */
import { parseAgeBand } from './age.js';
import { languageLabel } from './language.js';
import { deriveRaceEthnicity } from './race-ethnicity.js';
import { simpleLabel } from './simple-labels.js';
import { statusOf } from './status-keys.js';
import { UNKNOWN } from '../status.js';

/**
 * The canonical label (or status) for a canonical key or standard code; null when the key is unknown
 * (the caller maps it to Unknown and reports it as unmapped).
 * @example
 *   canonicalLabel('sex', '248152002')       // 'Female'
 *   canonicalLabel('payer', 'self_pay')      // 'Uninsured/self-pay'
 *   canonicalLabel('gender_identity', 'OTH') // 'Another gender identity'
 *   canonicalLabel('sex', 'ASKU')            // 'Declined'
 *   canonicalLabel('race', '2121-2')         // 'White' (1997 basis; race_ethnicity gives MENA)
 *   canonicalLabel('language', 'es-MX')      // 'Spanish'
 */
export function canonicalLabel(attribute: string, key: string | null | undefined): string | null {
  switch (attribute) {
    case 'race':
    case 'race_ethnicity':
    case 'ethnicity': {
      const codes = key === null || key === undefined ? [] : [key];
      const r = deriveRaceEthnicity(
        attribute === 'ethnicity'
          ? { raceCodes: [], ethnicityCodes: codes }
          : { raceCodes: codes, ethnicityCodes: [] },
      );
      return r.unmapped.length ? null : r[attribute];
    }
    case 'language': {
      const l = languageLabel(key);
      return l.unmapped ? null : l.language;
    }
    case 'age_band': {
      const status = statusOf(key);
      if (status) return status;
      const band = parseAgeBand(key);
      return band === UNKNOWN ? null : band;
    }
    default:
      return simpleLabel(attribute, key);
  }
}
