import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from '../ingest/__fixtures__/project.js';
import { captureIO } from './io.js';
import { main } from './main.js';
import { pathBase, PATHS_HELP, resolvePath } from './paths.js';

describe('pathBase / resolvePath', () => {
  it('resolves against the config folder when a config is given, else the current folder', () => {
    expect(pathBase('/work', 'proj/equilens.yaml')).toBe('/work/proj');
    expect(pathBase('/work', undefined)).toBe('/work');
    expect(resolvePath('/work', 'proj/equilens.yaml', 'out')).toBe('/work/proj/out');
    expect(resolvePath('/work', undefined, 'out')).toBe('/work/out');
    expect(resolvePath('/work', 'proj/equilens.yaml', '/abs/out')).toBe('/abs/out');
    expect(resolvePath('/work', 'proj/equilens.yaml', undefined)).toBeUndefined();
  });
});

describe('every command resolves --out, --results and --workspace the same way', () => {
  it('runs ingest, analyze, report and datasets from another folder', async () => {
    const p = project();
    const elsewhere = mkdtempSync(join(tmpdir(), 'equilens-elsewhere-'));
    const config = join(p.dir, 'equilens.yaml');
    const run = async (...args: string[]) => {
      const io = captureIO(elsewhere);
      const code = await main(['node', 'equilens', ...args, '-q'], io);
      expect(code, `${args.join(' ')}: ${io.stderr}`).toBe(0);
      return io;
    };
    await run('ingest', '--config', config, '--workspace', 'ws');
    expect(existsSync(join(p.dir, 'ws'))).toBe(true);
    await run('analyze', '--config', config, '--workspace', 'ws', '--out', 'out');
    expect(existsSync(join(p.dir, 'out', 'results.json'))).toBe(true);
    expect(existsSync(join(elsewhere, 'out'))).toBe(false);
    await run('report', '--config', config, '--out', 'out');
    expect(existsSync(join(p.dir, 'out', 'report.html'))).toBe(true);
    await run('report', '--config', config, '--out', 'out', '--audience', 'public');
    expect(existsSync(join(p.dir, 'out', 'report-public.html'))).toBe(true);
    await run('report', '--config', config, '--results', 'out/results.json', '--file', 'again.html');
    expect(existsSync(join(p.dir, 'out', 'again.html'))).toBe(true);
    const list = await run('datasets', '--config', config, '--workspace', 'ws', '--format', 'json');
    expect((JSON.parse(list.stdout) as { datasets: unknown[] }).datasets).toHaveLength(1);
  });

  it('says so in each --help that has such an option', async () => {
    for (const command of ['ingest', 'analyze', 'report', 'quality', 'datasets', 'serve', 'demo']) {
      const io = captureIO();
      await main(['node', 'equilens', command, '--help'], io);
      expect(io.stdout, command).toContain(PATHS_HELP.trim().split('\n')[0]);
    }
  });
});
