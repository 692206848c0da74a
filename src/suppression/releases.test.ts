import { describe, expect, it } from 'vitest';
import { peopleFrom, printed, resultsFrom } from './__fixtures__/results.js';
import { suppressAgainst } from './releases.js';
import { suppressResults } from './results.js';

const base = peopleFrom([
  ['Asian', 'Female', 'P1', 12, 40],
  ['Asian', 'Male', 'P1', 13, 35],
  ['Black', 'Female', 'P1', 30, 120],
  ['Black', 'Male', 'P1', 25, 110],
  ['White', 'Female', 'P1', 40, 300],
  ['White', 'Male', 'P1', 35, 280],
  ['Asian', 'Female', 'P2', 14, 42],
  ['Black', 'Male', 'P2', 28, 115],
  ['White', 'Female', 'P2', 41, 310],
]);
// The second release adds one patient: a Black woman in P2 who had the event.
const added = [...base, { race: 'Black', sex: 'Female', period: 'P2', event: true }];

describe('successive releases (issue #10 item 4)', () => {
  const first = suppressResults(resultsFrom(base));
  const second = suppressAgainst(resultsFrom(added), [first]);

  it('the difference of the two public editions gives nothing away about the added patient', () => {
    const a = printed(first);
    const b = printed(second);
    for (const [id, [n2, d2]] of b) {
      const [n1, d1] = a.get(id) ?? [null, null];
      if (d1 === null || d2 === null) continue; // hidden in one of them
      // Every cell shown in both is unchanged: no published difference counts the added patient.
      expect([id, d2 - d1, (n2 ?? 0) - (n1 ?? 0)]).toEqual([id, 0, 0]);
    }
  });

  it('without the audit against the first release the patient shows (the test can fail)', () => {
    const naive = printed(suppressResults(resultsFrom(added)));
    const a = printed(first);
    const changed = [...naive].filter(
      ([id, [, d]]) => d !== null && a.get(id)?.[1] != null && d !== a.get(id)![1],
    );
    expect(changed.length).toBeGreaterThan(0);
  });
});
