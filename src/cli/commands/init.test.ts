import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../config/load.js';
import { configTemplate } from '../../config/template.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';
import { SCHEMA_FILE, schemaReference } from './init.js';

describe('equilens init', () => {
  it('writes a config that validates and points editors at the local schema file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-init-'));
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'init', '--config', 'project/equilens.yaml'], io)).toBe(0);
    const path = join(dir, 'project', 'equilens.yaml');
    const text = readFileSync(path, 'utf8');
    expect(() => parseConfigText(text)).not.toThrow();
    const ref = /\$schema=(\S+)/.exec(text)?.[1];
    expect(ref).toBeDefined();
    expect(ref).not.toMatch(/^https?:/);
    expect(resolve(dirname(path), ref!)).toBe(SCHEMA_FILE);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
  });

  it('refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-init-'));
    expect(await main(['node', 'equilens', 'init', '-q'], captureIO(dir))).toBe(0);
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'init'], io)).toBe(1);
    expect(io.stderr).toContain('--force');
    expect(await main(['node', 'equilens', 'init', '--force', '-q'], captureIO(dir))).toBe(0);
  });

  it('writes the schema reference with forward slashes, relative when it can', () => {
    expect(schemaReference('/a/b/equilens.yaml', '/a/schemas/x.json')).toBe('../schemas/x.json');
    expect(configTemplate('s.json')).toContain('# yaml-language-server: $schema=s.json\n');
  });
});
