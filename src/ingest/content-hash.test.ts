import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, listFiles } from './content-hash.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'equilens-hash-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe('contentHash', () => {
  it('is a sha256 hex digest that depends on the config hash', async () => {
    const f = join(root, 'a.csv');
    writeFileSync(f, 'id\n1\n');
    const h = await contentHash([f], 'c1');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentHash([f], 'c2')).not.toBe(h);
    expect(await contentHash([f], 'c1')).toBe(h);
  });

  it('hashes a file by content, not by its path', async () => {
    const a = join(root, 'a.csv');
    const b = join(root, 'b.csv');
    writeFileSync(a, 'id\n1\n');
    writeFileSync(b, 'id\n1\n');
    expect(await contentHash([a], 'c')).toBe(await contentHash([b], 'c'));
    writeFileSync(b, 'id\n2\n');
    expect(await contentHash([b], 'c')).not.toBe(await contentHash([a], 'c'));
  });

  it('lists a folder’s files recursively, sorted by relative path', () => {
    const dir = folder('fhir', { 'b.ndjson': '1', 'a/z.ndjson': '2', 'a/b.ndjson': '3', 'A.json': '4' });
    expect(listFiles(dir)).toEqual(['A.json', 'a/b.ndjson', 'a/z.ndjson', 'b.ndjson']);
  });

  it('changes when a file in a folder input changes (same folder path)', async () => {
    const dir = folder('fhir', {
      'Patient.ndjson': '{"id":"1"}\n',
      'obs/Observation.ndjson': '{"id":"o1"}\n',
    });
    const before = await contentHash([dir], 'c');
    expect(await contentHash([dir], 'c')).toBe(before);
    writeFileSync(join(dir, 'obs/Observation.ndjson'), '{"id":"o2"}\n');
    const edited = await contentHash([dir], 'c');
    expect(edited).not.toBe(before);
    writeFileSync(join(dir, 'Condition.ndjson'), '');
    const added = await contentHash([dir], 'c');
    expect(added).not.toBe(edited);
    renameSync(join(dir, 'Condition.ndjson'), join(dir, 'Encounter.ndjson'));
    expect(await contentHash([dir], 'c')).not.toBe(added);
    rmSync(join(dir, 'Encounter.ndjson'));
    expect(await contentHash([dir], 'c')).toBe(edited);
  });

  it('is the same for identical folders at different paths', async () => {
    const files = { 'person.csv': 'person_id\n1\n', 'nested/visit.csv': 'visit_id\n9\n' };
    expect(await contentHash([folder('one', files)], 'c')).toBe(
      await contentHash([folder('two', files)], 'c'),
    );
  });

  it('does not let content move across a file boundary unnoticed', async () => {
    const a = folder('a', { 'x.csv': 'ab', 'y.csv': 'c' });
    const b = folder('b', { 'x.csv': 'a', 'y.csv': 'bc' });
    expect(await contentHash([a], 'c')).not.toBe(await contentHash([b], 'c'));
  });

  it('streams large files (digest equals the one-shot digest over the same framing)', async () => {
    const big = Buffer.alloc(3 * (1 << 20) + 17, 7);
    const f = join(root, 'big.bin');
    writeFileSync(f, big);
    const expected = createHash('sha256')
      .update('config:c\n')
      .update(`file:${big.length}\n`)
      .update(big)
      .digest('hex');
    expect(await contentHash([f], 'c')).toBe(expected);
  });
});
