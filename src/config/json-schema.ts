import { z } from 'zod';
import { ConfigSchema } from './schema.js';

/** The JSON Schema of equilens.yaml, for editors (written to schemas/equilens.schema.json). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://equilens.org/schemas/equilens.schema.json',
    title: 'Equilens project config (equilens.yaml)',
    ...(z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  };
}
