/**
 * ZIP and county of the Patient's current home address. ZIP: the first five digits of `postalCode`
 * (the all-zero placeholder is Unknown). County: Address.district (a name or FIPS) or a county extension;
 * else the `geolocation` extension's lat/lon, by point-in-polygon within the address's state (county.ts). Missing when there is no
 * address information; Unknown when it cannot be placed.
 */
import { MISSING, UNKNOWN } from '../../model/status.js';
import { arr, extension, extensions, isObject, num, str, type Json } from './fhir-json.js';
import type { ExtractContext } from './context.js';

function currentAddress(p: Json): Json | undefined {
  const all = arr(p.address).filter(isObject);
  const current = all.filter((a) => !(isObject(a.period) && a.period.end));
  return (
    current.find((a) => a.use === 'home') ??
    current.find((a) => a.use !== 'billing' && a.use !== 'old') ??
    current[0] ??
    all[0]
  );
}

export function zipOf(a: Json | undefined): string {
  const pc = str(a?.postalCode);
  if (!pc) return MISSING;
  const m = /^\s*(\d{5})/.exec(pc);
  return m && m[1] !== '00000' ? m[1]! : UNKNOWN;
}

function countyExtension(a: Json): string | null {
  for (const e of arr(a.extension).filter(isObject)) {
    if (typeof e.url === 'string' && /county/i.test(e.url)) {
      const v = str(e.valueString) ?? str(e.valueCode) ?? str((e.valueCoding as Json | undefined)?.code);
      if (v) return v;
    }
  }
  return null;
}

export function addressOf(p: Json, ctx: ExtractContext): { zip: string; county: string } {
  const a = currentAddress(p);
  if (!a) return { zip: MISSING, county: MISSING };
  const zip = zipOf(a);
  const named = countyExtension(a) ?? str(a.district);
  if (named) {
    const fips = ctx.countyByName(str(a.state), named);
    if (fips) return { zip, county: fips };
  }
  const geo = extension(a, 'geolocation');
  const lat = num(extensions(geo, 'latitude')[0]?.valueDecimal);
  const lon = num(extensions(geo, 'longitude')[0]?.valueDecimal);
  if (lat !== null && lon !== null) return { zip, county: ctx.countyAt(lat, lon, str(a.state)) ?? UNKNOWN };
  return { zip, county: named ? UNKNOWN : MISSING };
}
