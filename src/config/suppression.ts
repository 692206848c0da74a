import { z } from 'zod';

/** `suppression:` — small-cell rules for anything shareable. */
export const SuppressionSchema = z
  .object({
    threshold: z
      .number()
      .int()
      .min(1)
      .default(11)
      .describe('numerators and denominators below this are suppressed (11 = CMS cell-size convention)'),
    complementary: z.boolean().default(true),
    below_public_minimum: z
      .string()
      .min(1)
      .optional()
      .describe(
        'why a threshold below 11 or complementary: false is accepted; the suppressed edition is then written as results.restricted.json, never as a public edition',
      ),
    max_rse: z
      .number()
      .positive()
      .default(0.3)
      .describe('flag rates with relative standard error above this'),
  })
  .strict();
export type SuppressionConfig = z.infer<typeof SuppressionSchema>;
