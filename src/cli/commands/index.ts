import { initCommand } from './init.js';
import { ingestCommand } from './ingest.js';
import { datasetsCommand } from './datasets.js';
import { qualityCommand } from './quality.js';
import { ratesCommand } from './rates.js';
import { standardizeCommand } from './standardize.js';
import { inequalityCommand } from './inequality.js';
import { spcCommand } from './spc.js';
import { analyzeCommand } from './analyze.js';
import { synthCommand } from './synth.js';
import { reportCommand } from './report.js';
import { demoCommand } from './demo.js';
import { serveCommand } from './serve.js';
import { egfrCommand } from './egfr.js';
import { communityCommand } from './community.js';
import { payerMixCommand } from './payer-mix.js';
import { workforceCommand } from './workforce.js';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Every subcommand, in the order --help lists them. One file per command. */
export const commands: ReadonlyArray<(ctx: CliContext) => Command> = [
  initCommand,
  ingestCommand,
  datasetsCommand,
  qualityCommand,
  ratesCommand,
  standardizeCommand,
  inequalityCommand,
  spcCommand,
  analyzeCommand,
  synthCommand,
  reportCommand,
  demoCommand,
  serveCommand,
  egfrCommand,
  communityCommand,
  payerMixCommand,
  workforceCommand,
];
