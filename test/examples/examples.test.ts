/**
 * The worked examples of issue #16 item 5 and issue #15 are tested like the README (test/readme): every shell
 * block of examples/{community,payer-mix,workforce,audit-model}/README.md, and of the README section "Who we
 * serve, who we employ, and the algorithms we use", runs in order with the built `bin/equilens.js` standing
 * in for `npx equilens`; a command that exits non-zero fails.
 *
 * They run in one temporary "checkout": a folder with `examples/` linked to the repository's, beside a
 * `shared/` linked to `../shared` when it exists, so the READMEs' relative paths (`examples/…`,
 * `../shared/data/…`) mean what they mean in a real checkout. `npx equilens demo` runs once, with
 * `--patients 3000` to keep the test short (the READMEs quote the default demo's numbers, so the checks
 * below are the planted effects, not those numbers). Commands reading `../shared/` are skipped, with a
 * message, when the shared data is absent (and so are commands reading what they would have written), and
 * fail under CI=true (test/support/needs.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { need, ROOT, sharedData } from '../support/needs.js';

const EXAMPLES = ['community', 'payer-mix', 'workforce', 'audit-model'] as const;
const README_SECTION = 'Who we serve, who we employ, and the algorithms we use';
const SVI = 'cdc-svi-2020-county/SVI2020_US_COUNTY.csv.gz';
const BIN = join(ROOT, 'bin', 'equilens.js');
const DEMO = 'npx equilens demo';

/** The ```sh blocks of a markdown text (of one `## title` section when given), in order. */
export function shellBlocks(markdown: string, title?: string): string[] {
  let text = markdown;
  if (title !== undefined) {
    const start = markdown.indexOf(`\n## ${title}\n`);
    if (start < 0) throw new Error(`no "## ${title}" section`);
    const end = markdown.indexOf('\n## ', start + 1);
    text = markdown.slice(start, end < 0 ? undefined : end);
  }
  return [...text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A block's commands: one per line (a trailing `\` continues it) and per `&&`, without `# comments`. */
export function commands(block: string): string[] {
  return block
    .replace(/\s*\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => line.split(/\s*&&\s*/));
}

describe('shellBlocks / commands', () => {
  it('reads the blocks, joins continued lines and splits && and comments', () => {
    const md = '# T\n\n```sh\nx --y \\\n  --z   # note\na && b\n```\n\n## B\n\n```bash\nw\n```\n';
    expect(shellBlocks(md).flatMap(commands)).toEqual(['x --y --z', 'a', 'b', 'w']);
    expect(shellBlocks(md, 'B').flatMap(commands)).toEqual(['w']);
  });
});

const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

describe.skipIf(!need(built, 'the built CLI (dist/)', 'run `npm run build` first'))(
  'the worked examples, as written',
  () => {
    const top = mkdtempSync(join(tmpdir(), 'equilens-examples-'));
    const cwd = join(top, 'checkout');
    mkdirSync(cwd);
    symlinkSync(join(ROOT, 'examples'), join(cwd, 'examples'));
    const shared = join(ROOT, '..', 'shared');
    if (existsSync(shared)) symlinkSync(shared, join(top, 'shared'));
    afterAll(() => rmSync(top, { recursive: true, force: true }));
    let demoRan = false;

    /** Runs the commands in order; returns those run. Shared-data commands need the SVI file. */
    function run(all: readonly string[]): string[] {
      const ran: string[] = [];
      const unmade: string[] = []; // files a skipped command would have written
      for (const command of all) {
        if (command === DEMO && demoRan) continue;
        const needsShared = command.includes('../shared/') || unmade.some((f) => command.includes(f));
        if (needsShared && !sharedData(SVI)) {
          for (const m of command.matchAll(/(?:>|--out)\s+(\S+)/g)) unmade.push(m[1]!);
          continue;
        }
        const line =
          command === DEMO
            ? `node ${JSON.stringify(BIN)} demo --patients 3000 --quiet`
            : command.replace(/^npx equilens\b/, `node ${JSON.stringify(BIN)}`);
        const r = spawnSync('bash', ['-c', line], {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(r.status, `\`${command}\` failed:\n${r.stderr}\n${r.stdout}`).toBe(0);
        if (command === DEMO) demoRan = true;
        ran.push(command);
      }
      return ran;
    }
    const json = (rel: string): unknown => JSON.parse(readFileSync(join(cwd, rel), 'utf8'));
    const exampleCommands = (name: string) =>
      shellBlocks(read(`examples/${name}/README.md`)).flatMap(commands);

    it('every example runs the demo first and uses only npx equilens and node', () => {
      for (const name of EXAMPLES) {
        const all = exampleCommands(name);
        expect(all.length, name).toBeGreaterThan(1);
        if (name !== 'audit-model') expect(all[0], name).toBe(DEMO);
        for (const c of all) expect(c, `${name}: ${c}`).toMatch(/^(npx equilens |node -p )/);
      }
    });

    it('community: the comparison with the SVI, and the county map', { timeout: 300_000 }, () => {
      const ran = run(exampleCommands('community'));
      expect(ran).toContain(DEMO);
      if (!existsSync(join(top, 'shared', 'data', SVI))) return;
      expect(existsSync(join(cwd, 'map.html'))).toBe(true);
      expect(existsSync(join(cwd, 'map.svg'))).toBe(true);
      const c = json('community.json') as {
        catchment: { areas: string[]; share: number };
        comparison: { facet?: string; attribute: string; group: string; lower: number; upper: number }[];
        inclusivity: { facet?: string; attribute: string; index: number; lower: number; upper: number }[];
      };
      // The demo's patients live in five Illinois counties (src/synth/geography.ts).
      expect([...c.catchment.areas].sort()).toEqual(['17031', '17043', '17089', '17097', '17197']);
      expect(c.catchment.share).toBe(1);
      // What the README says of the output: shares are fractions; intervals bracket the difference.
      for (const r of c.comparison) expect(r.lower).toBeLessThanOrEqual(r.upper);
      const system = c.inclusivity.filter((r) => !r.facet).map((r) => r.attribute);
      expect(system.sort()).toEqual(['age', 'race_ethnicity']);
      for (const r of c.inclusivity) {
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(1);
      }
    });

    it('payer-mix: Surgery is flagged low (the planted access gap)', { timeout: 300_000 }, () => {
      run(exampleCommands('payer-mix'));
      const p = json('equilens-demo/payer-mix.json') as {
        units: { facet: string; unit: string; share: number; lower_limit: number; flag: string | null }[];
      };
      const surgery = p.units.find((u) => u.facet === 'department' && u.unit === 'Surgery')!;
      expect(surgery.flag).toBe('low');
      expect(surgery.share).toBeLessThan(surgery.lower_limit);
    });

    it('workforce: the planted 6% pay gap for Black employees', { timeout: 300_000 }, () => {
      run(exampleCommands('workforce'));
      const w = json('workforce.public.json') as {
        audience: string;
        threshold: number;
        pay_gap: { attribute: string; group: string; adjusted: number; lower: number; upper: number }[];
        representation: { level: string; patients_share: number | null }[];
      };
      expect(w.audience).toBe('public');
      expect(w.threshold).toBe(20);
      const gap = w.pay_gap.find(
        (g) => g.attribute === 'race_ethnicity' && g.group === 'Black or African American',
      )!;
      expect(gap.lower).toBeLessThan(-0.06 + 0.02);
      expect(gap.upper).toBeGreaterThan(-0.06 - 0.02);
      expect(gap.upper).toBeLessThan(0);
      // --config puts the patients' shares beside the employees'.
      expect(w.representation.some((r) => r.level === 'all' && r.patients_share !== null)).toBe(true);
    });

    it('audit-model and egfr', { timeout: 300_000 }, () => {
      run(exampleCommands('audit-model'));
      expect(existsSync(join(cwd, 'scores.csv'))).toBe(true);
      const a = json('audit-out/audit.json') as {
        groups: { stratifier: string; group: string; fnr: number | null; fpr: number | null }[];
        calibration: { group: string; observed_expected: number | null; auc: number | null }[];
      };
      const g = (name: string) => a.groups.find((r) => r.stratifier === 'race' && r.group === name)!;
      const cal = (name: string) => a.calibration.find((r) => r.group === name)!;
      // What the README reads from it (src/synth/predictions.ts plants these).
      expect(g('Black or African American').fnr!).toBeGreaterThan(g('White').fnr! + 0.1);
      expect(g('Asian').fpr!).toBeGreaterThan(g('White').fpr! + 0.1);
      expect(cal('Black or African American').observed_expected!).toBeGreaterThan(1.3);
      expect(cal('Asian').observed_expected!).toBeLessThan(0.8);
      expect(cal('Hispanic or Latino').auc!).toBeLessThan(cal('White').auc! - 0.1);
    });

    it('the README section runs too', { timeout: 300_000 }, () => {
      const all = shellBlocks(read('README.md'), README_SECTION).flatMap(commands);
      for (const c of ['community', 'payer-mix', 'workforce', 'map', 'audit-model', 'egfr'])
        expect(
          all.some((x) => x.startsWith(`npx equilens ${c} `)),
          c,
        ).toBe(true);
      run(all);
    });
  },
);
