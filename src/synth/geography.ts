/**
 * A fictional metropolitan health system's catchment: real Illinois county FIPS codes and ZIP codes, with
 * synthetic census tracts (format-valid 11-digit GEOIDs, not real tract boundaries) and a deprivation index
 * per tract. The geography is fixed (its own seed), so it is the same whatever `--seed` is used.
 */
import { createRng } from './prng.js';

export interface Tract {
  county: string;
  zip: string;
  tract: string;
  /** 0 (least deprived) … 1 (most deprived). */
  deprivation: number;
  /** Index into SITES of the nearest site. */
  site: number;
  /** Relative population weight. */
  weight: number;
}

export const SITES = ['Main Campus', 'Northshore', 'West Suburban', 'Southside Community'] as const;

interface CountyDef {
  fips: string;
  name: string;
  weight: number;
  /** ZIP codes with [low, high] deprivation of their tracts and the nearest site. */
  zips: [zip: string, low: number, high: number, site: number][];
}

export const COUNTIES: readonly CountyDef[] = [
  {
    fips: '17031',
    name: 'Cook',
    weight: 0.56,
    zips: [
      ['60601', 0.05, 0.3, 0],
      ['60608', 0.45, 0.85, 0],
      ['60612', 0.5, 0.95, 0],
      ['60617', 0.55, 0.95, 3],
      ['60619', 0.6, 1, 3],
      ['60625', 0.2, 0.6, 0],
      ['60640', 0.25, 0.7, 0],
      ['60804', 0.5, 0.9, 2],
      ['60827', 0.65, 1, 3],
      ['60660', 0.3, 0.65, 1],
    ],
  },
  {
    fips: '17043',
    name: 'DuPage',
    weight: 0.12,
    zips: [
      ['60137', 0.05, 0.3, 2],
      ['60187', 0.05, 0.35, 2],
      ['60540', 0, 0.2, 2],
      ['60126', 0.05, 0.3, 2],
    ],
  },
  {
    fips: '17097',
    name: 'Lake',
    weight: 0.11,
    zips: [
      ['60085', 0.55, 0.95, 1],
      ['60048', 0, 0.25, 1],
      ['60030', 0.15, 0.45, 1],
    ],
  },
  {
    fips: '17197',
    name: 'Will',
    weight: 0.1,
    zips: [
      ['60432', 0.45, 0.9, 3],
      ['60435', 0.3, 0.7, 3],
      ['60491', 0, 0.25, 3],
    ],
  },
  {
    fips: '17089',
    name: 'Kane',
    weight: 0.11,
    zips: [
      ['60505', 0.5, 0.9, 2],
      ['60120', 0.4, 0.85, 2],
      ['60134', 0, 0.25, 2],
    ],
  },
];

const TRACTS_PER_ZIP = 4;

function buildTracts(): Tract[] {
  const rng = createRng(20240101);
  const tracts: Tract[] = [];
  for (const county of COUNTIES) {
    county.zips.forEach(([zip, low, high, site], z) => {
      for (let t = 0; t < TRACTS_PER_ZIP; t++) {
        const code = String(100 + z * 10 + t).padStart(4, '0') + String(rng.int(3) * 2).padStart(2, '0');
        tracts.push({
          county: county.fips,
          zip,
          tract: `${county.fips}${code}`,
          deprivation: low + (high - low) * rng.next(),
          site,
          weight: county.weight / (county.zips.length * TRACTS_PER_ZIP),
        });
      }
    });
  }
  return tracts;
}

export const TRACTS: readonly Tract[] = buildTracts();
