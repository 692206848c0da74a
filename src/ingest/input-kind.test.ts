import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressionOf, firstLineFields, looksLikeData, looksLikeHeader, textKind } from './input-kind.js';

const b = (...xs: number[]) => Uint8Array.from(xs);

describe('input kinds from the first bytes', () => {
  it('knows the compression magic numbers', () => {
    expect(compressionOf(b(0x1f, 0x8b, 8))).toBe('gzip');
    expect(compressionOf(b(0x28, 0xb5, 0x2f, 0xfd))).toBe('zstd');
    expect(compressionOf(Buffer.from('BZh91AY'))).toBe('bzip2');
    expect(compressionOf(b(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0))).toBe('xz');
    expect(compressionOf(Buffer.from('PK\u0003\u0004'))).toBe('zip');
    expect(compressionOf(Buffer.from('pid,enc\n'))).toBeUndefined();
  });

  it('tells UTF-16 (with or without a byte-order mark), binary and text apart', () => {
    const text = 'pid,enc,date\np1,e1,2024-01-05\n';
    expect(textKind(Buffer.concat([b(0xff, 0xfe), Buffer.from(text, 'utf16le')]))).toBe('utf-16le');
    expect(textKind(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(textKind(Buffer.from(text, 'utf16le').swap16())).toBe('utf-16be');
    expect(textKind(b(0xfe, 0xff, 0, 0x70))).toBe('utf-16be');
    expect(textKind(b(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0))).toBe('binary'); // an ELF header
    expect(textKind(Buffer.from(text))).toBe('text');
    expect(textKind(Buffer.from('nom,\u00e9t\u00e9\n', 'latin1'))).toBe('text');
  });

  it('any UTF-8 text without control characters is text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (s) => {
        fc.pre(![...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f'));
        expect(textKind(Buffer.from(s))).toBe('text');
      }),
    );
  });
});

describe('a header or a data row', () => {
  it('a first line with a date, or with many numbers, looks like data', () => {
    expect(looksLikeData(firstLineFields('p1,e1,2024-01-05,B,N,F,MCR,<30,1\n', ',')!)).toBe(true);
    expect(looksLikeData(['2278392', '8222157', 'Caucasian', 'Female', '[0-10)', '?', '6', '25'])).toBe(true);
    expect(looksLikeData(['pid', '01/31/1980', 'x'])).toBe(true);
    expect(looksLikeData(['encounter_id', 'patient_nbr', 'race', 'gender', 'age'])).toBe(false);
    expect(looksLikeData(['id', '2019', 'label', 'name', 'site'])).toBe(false); // one numeric name is fine
  });

  it('names are shown only when they look like column names', () => {
    expect(looksLikeHeader(['pid', 'Race/Ethnicity', 'A1C result', 'dx_1'])).toBe(true);
    expect(looksLikeHeader(['root:x:0:0:root:/root:/bin/bash'])).toBe(false);
    expect(looksLikeHeader(['pid|enc|date'])).toBe(false);
    expect(looksLikeHeader(['\u0000p\u00001'])).toBe(false);
    expect(looksLikeHeader(['p1', 'e1', '2024-01-05'])).toBe(false);
    expect(looksLikeHeader(['x'.repeat(65)])).toBe(false);
  });

  it('splits the first line, dropping a byte-order mark and quotes', () => {
    expect(firstLineFields('\ufeff"a","b ""c""",d\r\n1,2,3', ',')).toEqual(['a', 'b "c"', 'd']);
    expect(firstLineFields('a\tb', '\t')).toEqual(['a', 'b']);
    expect(firstLineFields('\n1,2', ',')).toBeUndefined();
  });
});
