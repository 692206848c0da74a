import { describe, expect, it } from 'vitest';
import { findExport } from './optional-module.js';

describe('findExport', () => {
  it('finds an export of a module that exists (under vitest, tsx and the compiled dist alike)', async () => {
    const found = await findExport<() => unknown>(
      ['no/such/module.js', 'synth/index.js'],
      ['nope', 'defaultSpec'],
    );
    expect(found?.module).toBe('synth/index.js');
    expect(found?.name).toBe('defaultSpec');
    expect(typeof found?.fn).toBe('function');
  });

  it('returns null when no module exists', async () => {
    expect(await findExport(['no/such/module.js'], ['x'])).toBeNull();
  });
});
