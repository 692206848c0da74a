/**
 * The protection a public edition cannot go without (issue #10 item 5): a threshold of at least
 * {@link PUBLIC_MINIMUM} (the CMS cell-size convention: counts 1–10 are never shown) and complementary
 * suppression. Settings below it produce no public edition; `suppression.below_public_minimum` (a stated
 * reason) accepts them, and the suppressed edition is then stamped `restricted`, never `public`.
 */
export const PUBLIC_MINIMUM = 11;

export interface ProtectionSettings {
  threshold?: number;
  complementary?: boolean;
}

/** The config keys that fall short of the public minimum, with what they are and what they need. */
export function publicShortfalls(s: ProtectionSettings): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  const threshold = s.threshold ?? PUBLIC_MINIMUM;
  if (threshold < PUBLIC_MINIMUM)
    out.push({
      key: 'suppression.threshold',
      message: `is ${threshold}; a public edition needs at least ${PUBLIC_MINIMUM}`,
    });
  if (s.complementary === false)
    out.push({ key: 'suppression.complementary', message: 'is false; a public edition needs it on' });
  return out;
}
