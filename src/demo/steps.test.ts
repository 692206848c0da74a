import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG } from '../ingest/__fixtures__/project.js';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { reportStep } from './steps.js';

describe("the demo's report step", () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-demo-steps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("describes a custom measure in the methods appendix by the config's description", async () => {
    // results.json carries no description (the fixture's measures have none): only the config gives it.
    const results = fixtureResults();
    expect(results.measures.some((m) => 'description' in m)).toBe(false);
    const resultsPath = join(dir, 'results.json');
    writeFileSync(resultsPath, JSON.stringify(results));
    const description = {
      en: 'Discharges followed by a new admission within 30 days.',
      es: 'Altas con reingreso.',
    };
    const [readmit] = CONFIG.measures;
    const configPath = join(dir, 'equilens.yaml');
    writeFileSync(configPath, stringify({ ...CONFIG, measures: [{ ...readmit, description }] }));
    const out = await reportStep({ resultsPath, configPath, out: dir, reportPath: join(dir, 'report.html') });
    const html = readFileSync(out.files?.report ?? '', 'utf8');
    const methods = html.slice(html.indexOf('id="methods"'));
    expect(methods).toContain(`</strong> — ${description.en}<details`);
  });
});
