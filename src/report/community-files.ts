/**
 * The equity files a report shows (issue #16): community.json, payer-mix.json and workforce.json from the
 * `community`, `payer-mix` and `workforce` commands. Found beside the results file, or named. A public
 * report takes workforce.public.json only (never workforce.json) and the public view of the other two
 * (community-public.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EquilensError } from '../errors.js';
import { publicCommunity, publicPayerMix } from './community-public.js';
import type { CommunityFileLike } from './community-section.js';
import type { PayerMixFileLike } from './payer-mix-section.js';
import type { WorkforceFileLike } from './workforce-section.js';

export interface EquityFiles {
  community?: CommunityFileLike;
  payerMix?: PayerMixFileLike;
  workforce?: WorkforceFileLike;
}

export interface EquityPaths {
  community?: string;
  payerMix?: string;
  workforce?: string;
}

const SHAPES: Record<keyof EquityFiles, { keys: string[]; what: string; command: string }> = {
  community: { keys: ['catchment', 'comparison'], what: 'community.json', command: 'community' },
  payerMix: { keys: ['system', 'units'], what: 'payer-mix.json', command: 'payer-mix' },
  workforce: { keys: ['representation', 'rates', 'pay_gap'], what: 'workforce.json', command: 'workforce' },
};

function readOne(path: string, kind: keyof EquityFiles): unknown {
  const shape = SHAPES[kind];
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new EquilensError(
      'not_found',
      `Cannot read ${path} as a ${shape.what} file.`,
      { file: path, fix: `Name the ${shape.what} that the ${shape.command} step wrote.` },
      { cause },
    );
  }
  const missing = shape.keys.filter((k) => !(k in value));
  if (missing.length)
    throw new EquilensError(
      'invalid_input',
      `${path} is not a ${shape.what} file (no "${missing.join('", "')}").`,
      {
        file: path,
        fix: `Name the ${shape.what} that the ${shape.command} step wrote.`,
      },
    );
  return value;
}

/**
 * The files named, else those beside the results file: community.json, payer-mix.json, and workforce.json
 * (internal) or workforce.public.json (public). A named file must exist; one beside may be absent.
 */
export function readEquityFiles(
  results: string | undefined,
  named: EquityPaths,
  audience: 'internal' | 'public',
): EquityFiles {
  const beside = (f: string) => (results ? join(dirname(results), f) : undefined);
  const pick = (n: string | undefined, f: string) =>
    n ?? (beside(f) && existsSync(beside(f)!) ? beside(f) : undefined);
  const paths = {
    community: pick(named.community, 'community.json'),
    payerMix: pick(named.payerMix, 'payer-mix.json'),
    workforce: pick(named.workforce, audience === 'public' ? 'workforce.public.json' : 'workforce.json'),
  };
  const out: EquityFiles = {};
  if (paths.community) out.community = readOne(paths.community, 'community') as CommunityFileLike;
  if (paths.payerMix) out.payerMix = readOne(paths.payerMix, 'payerMix') as PayerMixFileLike;
  if (paths.workforce) out.workforce = readOne(paths.workforce, 'workforce') as WorkforceFileLike;
  return out;
}

/**
 * The public view: small patient counts withheld (threshold). The workforce is shown as its public edition
 * (workforce.public.json) wrote it, already suppressed by the workforce rule (src/workforce/suppress.ts);
 * the public guard refuses one that still prints a small count.
 */
export function publicEquity(files: EquityFiles, threshold: number): EquityFiles {
  return {
    ...(files.community ? { community: publicCommunity(files.community, threshold) } : {}),
    ...(files.payerMix ? { payerMix: publicPayerMix(files.payerMix, threshold) } : {}),
    // A workforce file that is not a public edition is left as it is too: the public guard refuses it.
    ...(files.workforce ? { workforce: files.workforce } : {}),
  };
}
