/**
 * CDC Race & Ethnicity code set (CDCREC, OID 2.16.840.1.113883.6.238) rolled up to the OMB categories.
 *
 * CDCREC codes are `NNNN-C` (a number and a check digit) and the hierarchy is laid out in contiguous
 * number ranges under each OMB category (HL7 v3-Race / CDCREC v1.2 concept list, checked against the
 * published code list):
 *
 * | range          | OMB category                                                   |
 * |----------------|----------------------------------------------------------------|
 * | 1002 … 2026    | American Indian or Alaska Native (1002-5; Unga 2026-3 is last) |
 * | 2028 … 2052    | Asian (2028-9; Madagascar 2052-9 is last)                      |
 * | 2054 … 2075    | Black or African American (2054-5; West Indian 2075-0)         |
 * | 2076 … 2104    | Native Hawaiian or Other Pacific Islander (2076-8), and 2500-7 |
 * | 2106 … 2129    | White (2106-3); 2118 … 2129 is the MENA subtree (2118-8, 2129-5)|
 * | 2131           | Other Race (2131-1), not an OMB category                       |
 * | 2135 … 2184    | Hispanic or Latino (2135-2) and its detailed codes             |
 * | 2186           | Not Hispanic or Latino (2186-5)                                |
 *
 * So a detailed code that is not in {@link CDC_RACE_CODES} still rolls up when its number falls in a range.
 */

export type OmbRace = 'aian' | 'asian' | 'black' | 'nhpi' | 'white';
export type OmbEthnicity = 'hispanic' | 'notHispanic';

/** Where one CDCREC code rolls up. `mena` marks the 2118-8 / 2129-5 subtree under White. */
export type CodeRollup =
  | { kind: 'race'; race: OmbRace; mena: boolean; category: boolean }
  | { kind: 'other_race' }
  | { kind: 'ethnicity'; ethnicity: OmbEthnicity; category: boolean };

/** The five OMB race category codes. */
export const OMB_RACE_CODES: Readonly<Record<OmbRace, string>> = {
  aian: '1002-5',
  asian: '2028-9',
  black: '2054-5',
  nhpi: '2076-8',
  white: '2106-3',
};
export const OTHER_RACE_CODE = '2131-1';
export const HISPANIC_CODE = '2135-2';
export const NOT_HISPANIC_CODE = '2186-5';
export const MENA_CODE = '2118-8';
export const ARAB_CODE = '2129-5';

/**
 * Named detailed codes (display names as in CDCREC). Not exhaustive (CDCREC has ~900 race codes, mostly
 * tribes and Alaska villages); every code in a range above rolls up even when it is not named here.
 */
export const CDC_RACE_CODES: Readonly<Record<string, string>> = {
  '1002-5': 'American Indian or Alaska Native',
  '1004-1': 'American Indian',
  '1735-0': 'Alaska Native',
  '1737-6': 'Alaska Athabascan',
  '1840-8': 'Eskimo',
  '1966-1': 'Aleut',
  '1088-4': 'Cherokee',
  '1328-4': 'Navajo',
  '1609-7': 'Sioux',
  '1068-6': 'Canadian and Latin American Indian',
  '2028-9': 'Asian',
  '2029-7': 'Asian Indian',
  '2030-5': 'Bangladeshi',
  '2031-3': 'Bhutanese',
  '2032-1': 'Burmese',
  '2033-9': 'Cambodian',
  '2034-7': 'Chinese',
  '2035-4': 'Taiwanese',
  '2036-2': 'Filipino',
  '2037-0': 'Hmong',
  '2038-8': 'Indonesian',
  '2039-6': 'Japanese',
  '2040-4': 'Korean',
  '2041-2': 'Laotian',
  '2042-0': 'Malaysian',
  '2043-8': 'Okinawan',
  '2044-6': 'Pakistani',
  '2045-3': 'Sri Lankan',
  '2046-1': 'Thai',
  '2047-9': 'Vietnamese',
  '2048-7': 'Iwo Jiman',
  '2049-5': 'Maldivian',
  '2050-3': 'Nepalese',
  '2051-1': 'Singaporean',
  '2052-9': 'Madagascar',
  '2054-5': 'Black or African American',
  '2056-0': 'Black',
  '2058-6': 'African American',
  '2060-2': 'African',
  '2061-0': 'Botswanan',
  '2062-8': 'Ethiopian',
  '2063-6': 'Liberian',
  '2064-4': 'Namibian',
  '2065-1': 'Nigerian',
  '2066-9': 'Zairean',
  '2067-7': 'Bahamian',
  '2068-5': 'Barbadian',
  '2069-3': 'Dominican',
  '2070-1': 'Dominica Islander',
  '2071-9': 'Haitian',
  '2072-7': 'Jamaican',
  '2073-5': 'Tobagoan',
  '2074-3': 'Trinidadian',
  '2075-0': 'West Indian',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2078-4': 'Polynesian',
  '2079-2': 'Native Hawaiian',
  '2080-0': 'Samoan',
  '2081-8': 'Tahitian',
  '2082-6': 'Tongan',
  '2083-4': 'Tokelauan',
  '2085-9': 'Micronesian',
  '2086-7': 'Guamanian or Chamorro',
  '2087-5': 'Guamanian',
  '2088-3': 'Chamorro',
  '2089-1': 'Mariana Islander',
  '2090-9': 'Marshallese',
  '2091-7': 'Palauan',
  '2092-5': 'Carolinian',
  '2093-3': 'Kosraean',
  '2094-1': 'Pohnpeian',
  '2095-8': 'Saipanese',
  '2096-6': 'Kiribati',
  '2097-4': 'Chuukese',
  '2098-2': 'Yapese',
  '2100-6': 'Melanesian',
  '2101-4': 'Fijian',
  '2102-2': 'Papua New Guinean',
  '2103-0': 'Solomon Islander',
  '2104-8': 'New Hebrides',
  '2500-7': 'Other Pacific Islander',
  '2106-3': 'White',
  '2108-9': 'European',
  '2109-7': 'Armenian',
  '2110-5': 'English',
  '2111-3': 'French',
  '2112-1': 'German',
  '2113-9': 'Irish',
  '2114-7': 'Italian',
  '2115-4': 'Polish',
  '2116-2': 'Scottish',
  '2118-8': 'Middle Eastern or North African',
  '2119-6': 'Assyrian',
  '2120-4': 'Egyptian',
  '2121-2': 'Iranian',
  '2122-0': 'Iraqi',
  '2123-8': 'Lebanese',
  '2124-6': 'Palestinian',
  '2125-3': 'Syrian',
  '2126-1': 'Afghanistani',
  '2127-9': 'Israeili',
  '2129-5': 'Arab',
  '2131-1': 'Other Race',
};

/** Named CDCREC ethnicity codes (root 2133-7). */
export const CDC_ETHNICITY_CODES: Readonly<Record<string, string>> = {
  '2135-2': 'Hispanic or Latino',
  '2137-8': 'Spaniard',
  '2148-5': 'Mexican',
  '2149-3': 'Mexican American',
  '2150-1': 'Mexicano',
  '2151-9': 'Chicano',
  '2152-7': 'La Raza',
  '2153-5': 'Mexican American Indian',
  '2155-0': 'Central American',
  '2156-8': 'Costa Rican',
  '2157-6': 'Guatemalan',
  '2158-4': 'Honduran',
  '2159-2': 'Nicaraguan',
  '2160-0': 'Panamanian',
  '2161-8': 'Salvadoran',
  '2162-6': 'Central American Indian',
  '2163-4': 'Canal Zone',
  '2165-9': 'South American',
  '2166-7': 'Argentinean',
  '2167-5': 'Bolivian',
  '2168-3': 'Chilean',
  '2169-1': 'Colombian',
  '2170-9': 'Ecuadorian',
  '2171-7': 'Paraguayan',
  '2172-5': 'Peruvian',
  '2173-3': 'Uruguayan',
  '2174-1': 'Venezuelan',
  '2175-8': 'South American Indian',
  '2176-6': 'Criollo',
  '2178-2': 'Latin American',
  '2180-8': 'Puerto Rican',
  '2182-4': 'Cuban',
  '2184-0': 'Dominican',
  '2186-5': 'Not Hispanic or Latino',
};

const CODE_PATTERN = /^(\d{4})-(\d)$/;

/** The check digit CDCREC (like LOINC) uses: mod-10 over the digits. */
export function cdcCheckDigit(body: string): number {
  // LOINC/CDCREC mod 10: double every other digit from the right, starting with the rightmost.
  let sum = 0;
  const digits = body.split('').reverse();
  digits.forEach((d, i) => {
    let n = Number(d);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  });
  return (10 - (sum % 10)) % 10;
}

/** Strip a system prefix (`urn:oid:…|2054-5`, `…#2054-5`) and whitespace. */
export function bareCode(code: string): string {
  const trimmed = code.trim();
  const cut = Math.max(trimmed.lastIndexOf('|'), trimmed.lastIndexOf('#'));
  return cut >= 0 ? trimmed.slice(cut + 1).trim() : trimmed;
}

/**
 * Where a CDCREC code rolls up, or `null` when it is not a CDCREC race/ethnicity code (wrong shape, bad
 * check digit, or outside every range).
 */
export function rollupCdcCode(raw: string): CodeRollup | null {
  const code = bareCode(raw);
  const m = CODE_PATTERN.exec(code);
  if (!m) return null;
  const body = m[1] as string;
  if (cdcCheckDigit(body) !== Number(m[2])) return null;
  const n = Number(body);
  const race = (r: OmbRace, mena = false): CodeRollup => ({
    kind: 'race',
    race: r,
    mena,
    category: code === OMB_RACE_CODES[r],
  });
  if (n >= 1002 && n <= 2026) return race('aian');
  if (n >= 2028 && n <= 2052) return race('asian');
  if (n >= 2054 && n <= 2075) return race('black');
  if ((n >= 2076 && n <= 2104) || n === 2500) return race('nhpi');
  if (n >= 2118 && n <= 2129) return race('white', true);
  if (n >= 2106 && n <= 2117) return race('white');
  if (n === 2131) return { kind: 'other_race' };
  if (n >= 2135 && n <= 2184) return { kind: 'ethnicity', ethnicity: 'hispanic', category: n === 2135 };
  if (n === 2186) return { kind: 'ethnicity', ethnicity: 'notHispanic', category: true };
  return null;
}

/** Display name of a CDCREC code, when named here. */
export const cdcDisplay = (code: string): string | undefined =>
  CDC_RACE_CODES[bareCode(code)] ?? CDC_ETHNICITY_CODES[bareCode(code)];
