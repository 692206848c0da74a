/**
 * `equilens demo --serve`: after the demo has run, fill a fresh demo organisation in the demo's workspace
 * (`<out>/.equilens/app/`, rebuilt each time) and serve it until SIGINT/SIGTERM.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EquilensError } from '../errors.js';
import type { ResultsFile } from '../model/results.js';
import { openStore } from '../store/index.js';
import { seedDemoEquity, seedDemoOrganisation, type DemoOrganisation } from './demo-org.js';
import { startServer, type RunningServer } from './serve.js';
import { warmAnalysis } from './routes/analyses.js';

export interface DemoServeOptions {
  out: string;
  results: string | null;
  configPath?: string;
  host: string;
  port: number;
  onInternalError?: (err: unknown) => void;
}

export async function serveDemo(
  opts: DemoServeOptions,
): Promise<{ server: RunningServer; org: DemoOrganisation; close(): Promise<void> }> {
  if (!opts.results)
    throw new EquilensError('internal', 'The demo produced no results.json, so there is nothing to serve.', {
      fix: 'Run `equilens demo` without --serve to see which step is pending.',
    });
  const workspace = join(opts.out, '.equilens');
  const dir = join(workspace, 'app');
  rmSync(dir, { recursive: true, force: true });
  const store = await openStore({ dir });
  const results = JSON.parse(readFileSync(opts.results, 'utf8')) as ResultsFile;
  const org = await seedDemoOrganisation(store, results);
  // Who we serve, payer mix and workforce: the files the demo's equity step wrote beside results.json.
  await seedDemoEquity(store, dirname(opts.results), org.analysisId);
  // Suppressing a large analysis takes seconds: do it once now rather than during the first visitor's request.
  await warmAnalysis(store, org.analysisId);
  const server = await startServer({
    workspace,
    store,
    host: opts.host,
    port: opts.port,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.onInternalError ? { onInternalError: opts.onInternalError } : {}),
  });
  return {
    server,
    org,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** What the CLI prints: the URL, then one line per demo role (demo only — these are throwaway secrets). */
export function demoServeText(url: string, org: DemoOrganisation): string {
  const lines = [`\nDemo workspace: ${url}`, 'Sign in as (demo only):'];
  for (const a of org.accounts)
    lines.push(`  ${a.role}: username ${a.username} password ${a.password} token ${a.token}`);
  if (org.championUnits.length)
    lines.push(`The department champion sees ${org.championUnits.join(', ').replace(/:/g, ': ')}.`);
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n') + '\n';
}
