import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '../db/client';
import { arrivedOverHttps, cookieValue } from './cookies';
import { SESSION_TTL_DAYS } from '../validation/limits';

/**
 * Sessions: a signed-in browser holds a random token in an `HttpOnly` cookie; the database keeps
 * only the token's SHA-256 hash, so a leaked database (or backup) signs no one in. A session ends
 * when it expires ({@link SESSION_TTL_DAYS} after sign-in) or is revoked (sign-out).
 */

/** The name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'argmap_session';

const SESSION_TTL_MS = SESSION_TTL_DAYS * 24 * 60 * 60 * 1000;
/** 32 random bytes in base64url: exactly 43 characters of `A-Z a-z 0-9 - _`. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The signed-in account, as the rest of the app sees it. */
export interface SessionUser {
  id: string;
  username: string;
}

/** The stored hash of a session token (hex SHA-256). A token has 256 random bits, so no salt or slow hash is needed. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Whether a session still signs its browser in at `now`: not revoked and not yet expired
 * (a session expiring exactly at `now` has ended).
 */
export function isSessionLive(session: { expiresAt: Date; revokedAt: Date | null }, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}

/** Starts a session for `userId`; the caller sends the token to the browser with {@link sessionCookie}. */
export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const client = await db();
  await client.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The account signed in on this request, or null (no cookie, unknown token, revoked or expired session). */
export async function currentUser(request: Request): Promise<SessionUser | null> {
  const token = sessionToken(request);
  if (!token) return null;
  const client = await db();
  const session = await client.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, revokedAt: true, user: { select: { id: true, username: true } } },
  });
  if (!session || !isSessionLive(session, new Date())) return null;
  return { id: session.user.id, username: session.user.username };
}

/** Ends the session this request carries, if any (signing out twice, or without a session, is fine). */
export async function revokeSession(request: Request): Promise<void> {
  const token = sessionToken(request);
  if (!token) return;
  const client = await db();
  await client.session.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The `Set-Cookie` value that hands `token` to the browser until `expiresAt`.
 *
 * `HttpOnly` keeps it away from page scripts; `SameSite=Lax` keeps other sites' forms and fetches
 * from using it. `Secure` is added only when the request itself came over https: a teacher often
 * runs Argmap on a laptop and serves a class over plain http on the school LAN
 * (`http://192.168.1.20:3000`), and browsers drop `Secure` cookies set over http, so requiring it
 * there would make signing in silently fail. Behind an https proxy, `X-Forwarded-Proto` says so.
 *
 * @example sessionCookie(token, expiresAt, request)
 * // "argmap_session=…; Path=/; Max-Age=1209600; HttpOnly; SameSite=Lax; Secure"
 */
export function sessionCookie(token: string, expiresAt: Date, request: Request): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return cookie(token, maxAge, request);
}

/** The `Set-Cookie` value that removes the session cookie from the browser (sign-out). */
export function clearedSessionCookie(request: Request): string {
  return cookie('', 0, request);
}

function cookie(value: string, maxAge: number, request: Request): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, 'Path=/', `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (arrivedOverHttps(request)) attributes.push('Secure');
  return attributes.join('; ');
}

/** The well-formed session token in the request's `Cookie` header, or null. */
function sessionToken(request: Request): string | null {
  return cookieValue(request, SESSION_COOKIE, TOKEN_PATTERN);
}
