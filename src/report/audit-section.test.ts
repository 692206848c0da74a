import { describe, expect, it } from 'vitest';
import { auditModel, type AuditRow } from '../audit/index.js';
import { PLANTED, syntheticPredictions } from '../synth/predictions.js';
import { auditSection, calibrationWord } from './audit-section.js';

describe('auditSection', () => {
  const rows: AuditRow[] = syntheticPredictions({ seed: 5, perGroup: 800 }).map((r) => ({
    score: r.score,
    label: r.label,
    attributes: { race: r.race },
  }));
  const audit = auditModel(rows, { thresholds: [0.3], stratifiers: ['race'] });

  it('shows each planted problem with its direction, a reliability chart and the guidance', async () => {
    const html = await auditSection(audit);
    const rowOf = (g: string) => html.split('<tr>').find((tr) => tr.startsWith(`<th scope="row">${g}</th>`))!;
    expect(rowOf(PLANTED.under)).toMatch(/under-predicts/);
    expect(rowOf(PLANTED.over)).toMatch(/over-predicts/);
    expect(rowOf(PLANTED.reference)).toMatch(/about right/);
    expect(html).toMatch(/<svg role="img"/);
    expect(html).toMatch(/Reliability by race/);
    expect(html).toMatch(/proxy/);
    const auc = (g: string) =>
      audit.calibration.find((c) => c.stratifier === 'race' && c.group === g)!.auc as number;
    expect(auc(PLANTED.poor)).toBeLessThan(auc(PLANTED.reference));
  });

  it('shows withheld cells in a public audit and undefined ones as a dash with the reason', async () => {
    const pub = auditModel([...rows, { score: 0.5, label: 1, attributes: { race: 'Tiny' } }], {
      thresholds: [0.3],
      stratifiers: ['race'],
      audience: 'public',
    });
    const html = await auditSection(pub);
    expect(html).toMatch(/withheld/);
    expect(html).not.toMatch(/NaN|undefined/);
    expect(calibrationWord(null)).toBe('');
  });
});
