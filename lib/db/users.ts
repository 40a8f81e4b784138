import 'server-only';
import { checkLoginAllowed, clearLoginFailures, recordLoginFailure } from '../auth/rate-limit';
import { hashPassword, verifyPassword } from '../auth/password';
import type { SessionUser } from '../auth/sessions';
import { AppError } from '../validation/app-error';
import { db } from './client';

/** The columns of an account the app may see; the password hash never leaves this module. */
const USER_SELECT = { id: true, username: true } as const;

/**
 * Creates an account. `username` must already be normalised (trimmed, lower-case) by
 * `credentialsSchema`. Refuses a taken username with 409 at `['username']`.
 */
export async function createUser(username: string, password: string): Promise<SessionUser> {
  const client = await db();
  // Checked first so a taken name is refused without the cost of hashing; the unique index
  // still decides when two people claim the same name at once.
  if (await client.user.findUnique({ where: { username }, select: { id: true } })) throw usernameTaken();
  const passwordHash = await hashPassword(password);
  try {
    return await client.user.create({ data: { username, passwordHash }, select: USER_SELECT });
  } catch (error) {
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
}

/**
 * Checks a sign-in from `source` — the caller's address, or its known device (see
 * lib/auth/rate-limit.ts). Refuses with 429 (and `Retry-After`) while the account is rate-limited
 * for that source, and with 401 "Wrong username or password." for an unknown username or a wrong
 * password alike. An unknown username is verified against a dummy hash, so both take about as long
 * and the answer's timing does not reveal which usernames exist.
 */
export async function authenticate(username: string, password: string, source: string): Promise<SessionUser> {
  const gate = await checkLoginAllowed(username, source);
  if (!gate.allowed) throw tooManySignIns(gate.retryAfterSeconds);
  // Counted before the slow hash check, and refused when parallel guesses took the last places
  // since the gate above, so they cannot all pass it at once; a correct password withdraws it below.
  const counted = await recordLoginFailure(username, source);
  if (!counted.allowed) throw tooManySignIns(counted.retryAfterSeconds);

  const client = await db();
  const user = await client.user.findUnique({ where: { username }, select: { ...USER_SELECT, passwordHash: true } });
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !matches) throw new AppError('unauthorized', 'Wrong username or password.');

  await clearLoginFailures(username, source);
  return { id: user.id, username: user.username };
}

function tooManySignIns(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError('too_many_requests', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
    extra: { retryAfterSeconds },
  });
}

function usernameTaken(): AppError {
  return new AppError('conflict', 'That username is taken.', { issues: [{ path: ['username'], message: 'That username is taken.' }] });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}

const globalForUsers = globalThis as unknown as { argmapDummyHash?: Promise<string> };

/** A hash of no one's password, made once per process with the same parameters as real ones. */
function dummyHash(): Promise<string> {
  globalForUsers.argmapDummyHash ??= hashPassword('argmap: no account has this password');
  return globalForUsers.argmapDummyHash;
}
