/** Password hashing with argon2id (the OWASP-recommended memory-hard hash). */
import argon2 from 'argon2';

export const MIN_PASSWORD = 12;

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
