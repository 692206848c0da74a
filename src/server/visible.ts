/**
 * What a viewer may see of an analysis: staff (analyst, administrator) see every cell; everyone else gets
 * the small-cell-suppressed copy, everywhere (pages, downloads, API).
 */
import type { ResultsFile } from '../model/results.js';
import { suppressResults } from '../suppression/index.js';
import { can, type Viewer } from './permissions.js';

export function visibleResults(viewer: Viewer, results: ResultsFile): ResultsFile {
  if (can(viewer, 'analysis.view_unsuppressed') || results.stamp.audience === 'public') return results;
  return suppressResults(results, { threshold: results.settings.suppressionThreshold });
}
