/** A ZIP code that lost its leading zero (4 digits, optionally -4 digits). */
export const SHORT_ZIP = '\\d{4}(-\\d{4})?';

/** SQL: a ZIP text with a lost leading zero put back. */
export const zipSql = (v: string): string =>
  `CASE WHEN regexp_full_match(${v}, '${SHORT_ZIP}') THEN '0' || ${v} ELSE ${v} END`;
