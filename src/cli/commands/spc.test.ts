import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-spc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

// Montgomery Example 7.1 (orange juice cans, n = 50): p̄ = 0.2313, UCL 0.4102, LCL 0.0524; samples 15 and
// 23 are above the UCL (Montgomery, Introduction to Statistical Quality Control, 6th ed.).
const juice = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];
write(
  'juice.csv',
  'period,numerator,denominator\n' + juice.map((x, i) => `s${i + 1},${x},50`).join('\n') + '\n',
);
write(
  'pdsa.csv',
  'period,value,phase\n' +
    [10, 11, 9, 10, 12, 8, 20, 21, 19, 20, 22, 18]
      .map((v, i) => `2024-${String(i + 1).padStart(2, '0')},${v},${i < 6 ? 'baseline' : 'PDSA 1'}`)
      .join('\n') +
    '\n',
);

const run = async (...args: string[]) => {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'spc', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('equilens spc', () => {
  it('prints the SpcResult JSON: a p-chart with per-point limits and signals', async () => {
    const { code, out } = await run('juice.csv');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.chart).toBe('p');
    expect(r.points).toHaveLength(30);
    expect(r.points[0]).toEqual({
      period: 's1',
      value: 0.24,
      centre: expect.closeTo(0.2313, 4),
      lower: expect.closeTo(0.0524, 4),
      upper: expect.closeTo(0.4102, 4),
      phase: null,
      signals: [],
    });
    const outside = r.points.filter((p: { signals: string[] }) => p.signals.includes('outside_limits'));
    expect(outside.map((p: { period: string }) => p.period)).toEqual(['s15', 's23']);
    expect(r.runs).toHaveLength(1);
    // samples 15 and 23 (special causes) push the prime ratio to 1.66: auto keeps the p-chart (n = 50 is
    // small) but says so
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'overdispersion', sigmaZ: 1.661 })]);
  });

  it('recomputes per phase; prints a table and CSV', async () => {
    const json = JSON.parse((await run('pdsa.csv')).out);
    expect(json.chart).toBe('xmr');
    expect(json.points[6]).toMatchObject({ phase: 'PDSA 1', centre: 20 });
    expect(json.runs).toHaveLength(2);
    const table = await run('pdsa.csv', '--format', 'table');
    expect(table.out).toMatch(/^chart: xmr/);
    expect(table.out).toMatch(/2024-07\s+PDSA 1\s+20\s+20/);
    expect(table.out).toMatch(/runs \(baseline\): longest run/);
    const csv = await run('pdsa.csv', '--format', 'csv', '--chart', 'run');
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('period,phase,value,centre,lower,upper,signals,warnings');
    expect(lines[1]).toBe('2024-01,baseline,10,10,,,,');
  });

  it('freezes a baseline and reports zero denominators as null points with a warning', async () => {
    write('gaps.csv', 'period,numerator,denominator\na,1,10\nb,0,0\nc,2,10\nd,9,10\n');
    const r = JSON.parse((await run('gaps.csv', '--baseline', '2', '--chart', 'p')).out);
    expect(r.points[1]).toMatchObject({ value: null, lower: null, upper: null });
    expect(r.points[3].centre).toBeCloseTo(0.1, 12); // frozen at a and b (b has no proportion)
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'zero_denominator', period: 'b' }));
    const csv = await run('gaps.csv', '--format', 'csv');
    expect(csv.out).toMatch(/\nb,,,[^\n]*,zero_denominator\n/);
  });

  it('exits 1 naming the file, line and column for bad input', async () => {
    write('big.csv', 'period,numerator,denominator\na,1,2\nb,5,3\n');
    write('neg.csv', 'period,numerator,denominator\na,-1,2\n');
    write('text.csv', 'period,value\na,1\nb,lots\n');
    write('nocol.csv', 'period,numerator\na,1\n');
    write('novalue.csv', 'period,count\na,1\n');
    write('dup.csv', 'period,value\na,1\na,2\n');
    const big = await run('big.csv');
    expect(big.code).toBe(1);
    expect(big.err).toMatch(/big\.csv:3:numerator: The numerator is larger than the denominator/);
    expect((await run('neg.csv')).err).toMatch(/neg\.csv:2:numerator: .*at least 0/);
    expect((await run('text.csv')).err).toMatch(/text\.csv:3:value: .*not a number/);
    expect((await run('nocol.csv')).err).toMatch(
      /nocol\.csv:1:denominator: The file has no column "denominator"/,
    );
    expect((await run('novalue.csv')).err).toMatch(/novalue\.csv:1:value: .*no column "value"/);
    expect((await run('dup.csv')).err).toMatch(/dup\.csv:3:period: Period "a" repeats line 2/);
    expect((await run('absent.csv')).code).toBe(1);
    expect((await run('juice.csv', '--baseline', '0')).code).toBe(1);
    expect((await run('juice.csv', '--chart', 'u')).code).toBe(1);
    expect((await run('pdsa.csv', '--chart', 'p')).code).toBe(1);
  });

  it('draws the chart as SVG or HTML (--chart-file, or --chart FILE), the numbers unchanged', async () => {
    const plain = await run('juice.csv');
    const svg = await run('juice.csv', '--chart', 'juice.svg');
    expect(svg.code, svg.err).toBe(0);
    expect(svg.out).toBe(plain.out);
    expect(svg.err).toContain(join(dir, 'juice.svg'));
    const text = readFileSync(join(dir, 'juice.svg'), 'utf8');
    expect(text).toMatch(/^<svg role="img"/);
    // Samples 15 and 23 are above the UCL (Montgomery Example 7.1): named in the text alternative.
    expect(text).toMatch(/s15: outside the control limits.*s23: outside the control limits/);
    const html = await run('pdsa.csv', '--chart', 'xmr', '--chart-file', 'pdsa.html', '--title', 'Falls');
    expect(html.code, html.err).toBe(0);
    const page = readFileSync(join(dir, 'pdsa.html'), 'utf8');
    expect(page).toContain('<title>Falls</title>');
    expect(page).toContain('<th scope="row">2024-07</th><td>20</td><td>20</td>');
    expect(page).not.toMatch(/<script|(src|href)="https?:/);
  });

  it('says what --chart takes when it is neither a type nor a chart file', async () => {
    const bad = await run('juice.csv', '--chart', 'pie');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/neither a chart type nor an \.svg or \.html file/);
  });
});
