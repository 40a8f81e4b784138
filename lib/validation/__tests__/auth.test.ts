import { describe, expect, test } from 'vitest';
import { credentialsSchema } from '../auth';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from '../limits';

/** The issues of a failed parse as `{ path, message }` (empty when it succeeds). */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => ({ path: i.path, message: i.message }));
}

const USERNAME_RULE = 'Usernames are 3–32 letters, digits, dots, dashes or underscores.';
const PASSWORD = 'correct horse';

describe('credentialsSchema', () => {
  test.each([
    ['a plain username', 'ada', 'ada'],
    ['dots, dashes and underscores', 'ms.lee_p3-2026', 'ms.lee_p3-2026'],
    ['capitals, lower-cased', 'MsLee', 'mslee'],
    ['surrounding spaces, trimmed', '  ada.l  ', 'ada.l'],
    [`exactly ${USERNAME_MIN} characters`, 'a'.repeat(USERNAME_MIN), 'a'.repeat(USERNAME_MIN)],
    [`exactly ${USERNAME_MAX} characters`, 'a'.repeat(USERNAME_MAX), 'a'.repeat(USERNAME_MAX)],
    [`${USERNAME_MAX} characters once trimmed`, ` ${'b'.repeat(USERNAME_MAX)} `, 'b'.repeat(USERNAME_MAX)],
  ])('accepts %s (%j → %j)', (_name, username, normalised) => {
    expect(credentialsSchema.parse({ username, password: PASSWORD })).toEqual({ username: normalised, password: PASSWORD });
  });

  test.each([
    [`exactly ${PASSWORD_MIN} characters`, 'x'.repeat(PASSWORD_MIN)],
    [`exactly ${PASSWORD_MAX} characters`, 'x'.repeat(PASSWORD_MAX)],
    ['spaces and symbols, kept exactly as typed', '  pass phrase! é  '],
  ])('accepts a password of %s, unchanged', (_name, password) => {
    expect(credentialsSchema.parse({ username: 'ada', password }).password).toBe(password);
  });

  test.each([
    ['a missing username', { password: PASSWORD }, ['username'], 'Enter a username.'],
    ['an empty username', { username: '', password: PASSWORD }, ['username'], 'Enter a username.'],
    ['a whitespace-only username', { username: '   ', password: PASSWORD }, ['username'], 'Enter a username.'],
    ['a username that is not a string', { username: 42, password: PASSWORD }, ['username'], 'Enter a username.'],
    [`a username of ${USERNAME_MIN - 1} characters`, { username: 'ab', password: PASSWORD }, ['username'], USERNAME_RULE],
    [`a username of ${USERNAME_MAX + 1} characters`, { username: 'a'.repeat(USERNAME_MAX + 1), password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a username with a space inside', { username: 'ms lee', password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a username with an @', { username: 'lee@school.org', password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a username with a non-ASCII letter', { username: 'zoë', password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a missing password', { username: 'ada' }, ['password'], 'Enter a password.'],
    ['an empty password', { username: 'ada', password: '' }, ['password'], 'Enter a password.'],
    [`a password of ${PASSWORD_MIN - 1} characters`, { username: 'ada', password: 'x'.repeat(PASSWORD_MIN - 1) }, ['password'], 'Use at least 8 characters.'],
    [
      `a password of ${PASSWORD_MAX + 1} characters`,
      { username: 'ada', password: 'x'.repeat(PASSWORD_MAX + 1) },
      ['password'],
      `Passwords are at most ${PASSWORD_MAX} characters.`,
    ],
    ['a password that is not a string', { username: 'ada', password: 12345678 }, ['password'], 'Enter a password.'],
  ])('refuses %s, at %j, saying %j', (_name, body, path, message) => {
    expect(issuesOf(credentialsSchema.safeParse(body))).toEqual([{ path, message }]);
  });

  test.each([
    ['an extra field', { username: 'ada', password: PASSWORD, role: 'owner' }],
    ['a password hash smuggled in', { username: 'ada', password: PASSWORD, passwordHash: '$argon2id$…' }],
  ])('refuses %s', (_name, body) => {
    expect(credentialsSchema.safeParse(body).success).toBe(false);
  });

  test('reports both fields at once, one message each', () => {
    expect(issuesOf(credentialsSchema.safeParse({ username: 'a b', password: 'short' }))).toEqual([
      { path: ['username'], message: USERNAME_RULE },
      { path: ['password'], message: 'Use at least 8 characters.' },
    ]);
  });
});
