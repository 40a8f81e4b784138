import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from '../password';

describe('hashPassword and verifyPassword', () => {
  test('hashes with argon2id and a random salt, and verifies only the right password', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse')).toBe(true);
    expect(await verifyPassword(first, 'Correct horse')).toBe(false);
    expect(await verifyPassword(first, 'correct horse ')).toBe(false);
  });

  test.each([
    ['an empty string', ''],
    ['garbage', 'not a hash'],
    ['a truncated hash', '$argon2id$v=19$m=19456,t=2,p=1$'],
  ])('answers false, without throwing, for a malformed hash: %s', async (_name, malformed) => {
    await expect(verifyPassword(malformed, 'correct horse')).resolves.toBe(false);
  });
});
