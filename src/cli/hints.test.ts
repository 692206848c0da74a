import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { CLI_HINTS, withCliHint } from './hints.js';

describe('CLI hints for library errors', () => {
  it('words the next step as a command; the message and other details stay', () => {
    const e = new EquilensError('not_found', 'The workspace has no dataset yet.', {
      file: 'ws',
      fix: 'Load data into the workspace first.',
      next: 'ingest',
    });
    const cli = withCliHint(e);
    expect(cli.message).toBe(e.message);
    expect(cli.details).toMatchObject({ file: 'ws', next: 'ingest', fix: 'Run `equilens ingest` first.' });
    expect(cli.code).toBe('not_found');
  });

  it('leaves an error without a next step alone', () => {
    const e = new EquilensError('invalid_input', 'Bad.', { fix: 'Fix it.' });
    expect(withCliHint(e)).toBe(e);
  });

  it('has CLI words for every next step', () => {
    for (const text of Object.values(CLI_HINTS)) expect(text).toMatch(/equilens|--/);
  });
});
