/**
 * Source loaders by `sources[].type`. One line per type: the FHIR and OMOP engineers add theirs here.
 */
import type { SourceLoader } from './source-loader.js';
import { loadTabular } from './tabular/index.js';
import { loadFhir } from './fhir/index.js';
import { loadOmop } from './omop/index.js';

export const LOADERS: Partial<Record<string, SourceLoader>> = {
  csv: loadTabular,
  tsv: loadTabular,
  parquet: loadTabular,
  fhir: loadFhir,
  omop: loadOmop,
};
