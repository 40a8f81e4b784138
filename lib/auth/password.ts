import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id`, spelled as its value: an ambient const enum cannot be read under `isolatedModules`. */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with OWASP's recommended minimum (19 MiB of memory, 2 passes, 1 lane): about 30 ms
 * per hash on a laptop, so a school server stays responsive while offline guessing stays costly.
 * The parameters are stored in each hash, so raising them later leaves old hashes verifiable.
 */
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id and a random salt; the result is a PHC string (`$argon2id$v=19$m=…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Whether `password` matches `passwordHash` (a PHC string from {@link hashPassword}). A malformed
 * or empty hash is a mismatch, never an exception.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
