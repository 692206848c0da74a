/** `--threshold FIELD=PERCENT` / `FIELD=off` (repeatable) → the quality report's completeness targets. */
import { usageError } from '../errors.js';
import { withOverrides, type ThresholdRule } from '../engine/quality/index.js';

/**
 * @example parseThresholds(['race_ethnicity=95', 'gender_identity=off'])
 */
export function parseThresholds(values: readonly string[] = []): ThresholdRule[] {
  return withOverrides(
    values.map((o) => {
      const m = /^([a-z][a-z0-9_]*)=(off|\d+(?:\.\d+)?)%?$/.exec(o.trim());
      if (!m) {
        throw usageError(`Invalid --threshold "${o}".`, {
          fix: 'Write FIELD=PERCENT (e.g. race_ethnicity=95) or FIELD=off.',
        });
      }
      const [, field = '', value = ''] = m;
      if (value !== 'off' && Number(value) > 100)
        throw usageError(`--threshold ${field} is above 100%.`, { fix: 'Use a percent from 0 to 100.' });
      return { field, minKnownPct: value === 'off' ? 'off' : Number(value), source: 'set with --threshold' };
    }),
  );
}
