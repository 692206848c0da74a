import { describe, expect, it } from 'vitest';
import { safeEngineMessage } from './engine-message.js';

describe('safeEngineMessage', () => {
  it('drops quoted values and echoed lines, keeps what went wrong', () => {
    const m = safeEngineMessage(
      'Conversion Error: Could not convert string "1961-02-30" to \'DATE\'\nLINE 1: ... 4471,1961-02-30,60614',
    );
    expect(m).toBe("Conversion Error: Could not convert string (a value) to 'DATE'");
    expect(m).not.toContain('1961');
    expect(safeEngineMessage('Invalid Input Error: bad row. Original Line: 4471,Ana,1961-02-30')).toBe(
      'Invalid Input Error: bad row.',
    );
  });

  it('keeps a message without values as it is, and caps a long one', () => {
    expect(safeEngineMessage('IO Error: No files found that match the pattern')).toBe(
      'IO Error: No files found that match the pattern',
    );
    expect(safeEngineMessage('x'.repeat(500))).toHaveLength(200);
  });
});
