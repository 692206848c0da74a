import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './json-schema.js';

const FILE = fileURLToPath(new URL('../../schemas/equilens.schema.json', import.meta.url));

describe('schemas/equilens.schema.json', () => {
  // Regenerate with: UPDATE_SCHEMA=1 npx vitest run src/config/json-schema.test.ts
  if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

  it('is up to date with the zod schema', () => {
    const committed = JSON.parse(readFileSync(FILE, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it('lets editors autocomplete the mapping keys', () => {
    const text = readFileSync(FILE, 'utf8');
    expect(text).toContain('conflict_rule');
    expect(text).toContain('most_frequent');
  });

  it('lists the attribute names and the canonical values of each attribute, for autocomplete', () => {
    type Node = {
      properties?: Record<string, Node>;
      additionalProperties?: Node;
      anyOf?: Node[];
      enum?: string[];
    };
    const schema = configJsonSchema() as Node;
    const attributes = schema.properties!.mapping!.properties!.attributes!;
    expect(Object.keys(attributes.properties!)).toEqual(
      expect.arrayContaining(['race', 'sex', 'payer', 'hrsn_food']),
    );
    const enumOf = (name: string) =>
      attributes.properties![name]!.properties!.values!.additionalProperties!.anyOf!.find((n) => n.enum)!
        .enum;
    expect(enumOf('sex')).toEqual(['female', 'male', 'intersex', 'declined', 'unknown', 'missing']);
    expect(enumOf('race')).toEqual(expect.arrayContaining(['black', '2054-5', 'declined']));
    expect(enumOf('payer')).toContain('selfPay');
  });
});
