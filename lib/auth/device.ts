import 'server-only';
import { randomBytes } from 'node:crypto';
import { arrivedOverHttps, cookieValue } from './cookies';
import { sign, signedByServer } from './server-secret';

/**
 * Known devices: a browser that signed in to an account is handed a token, signed by the server and
 * bound to that username, in an `HttpOnly` cookie sent only to the sign-in routes. Its later sign-in
 * attempts for that account are limited on their own (`lib/auth/rate-limit.ts`, a source of
 * {@link deviceSource}), so failures by anyone else — from other addresses, or from the same
 * address on a server without a trusted proxy — never lock the account's owner out of a browser
 * they have used before. A token can only be had by signing in, so it gives a guesser nothing.
 */

/** The cookie that holds a browser's known-device token. */
export const DEVICE_COOKIE = 'argmap_device';
/** How long a browser stays known: a year. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** `<22 characters of id>.<43 characters of signature>`, both base64url. */
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The rate-limit source of attempts from a known device (never an address: those have no `device:`). */
export function deviceSource(id: string): string {
  return `device:${id}`;
}

/** The id of the request's device token when the server signed it for `username`; else null. */
export function knownDevice(request: Request, username: string): string | null {
  const match = TOKEN_PATTERN.exec(cookieValue(request, DEVICE_COOKIE) ?? '');
  if (!match) return null;
  const [, id, signature] = match;
  return signedByServer(`device:${username}:${id}`, signature) ? id : null;
}

/** The `Set-Cookie` value that makes this browser a known device of `username` (after it signed in). */
export function deviceCookie(request: Request, username: string): string {
  const id = randomBytes(16).toString('base64url');
  const token = `${id}.${sign(`device:${username}:${id}`)}`;
  return `${DEVICE_COOKIE}=${token}; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}${arrivedOverHttps(request) ? '; Secure' : ''}`;
}
