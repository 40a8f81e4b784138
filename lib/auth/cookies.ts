import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import type { NextRequest } from 'next/server';

/**
 * Reading the cookies the server set, and whether to mark new ones `Secure`. Cookies are parsed by
 * Next (`request.cookies`): values are percent-decoded, and one whose encoding is malformed is no
 * cookie at all, never an error; a name sent twice counts once, with the last value. Every cookie
 * Argmap sets is plain base64url, so each reader gives a pattern its value must match.
 */

/**
 * The request's cookies: `request.cookies` on the NextRequest that Next hands route handlers, or
 * the same parser over the `Cookie` header of a plain Request (next/server does not export it).
 */
function requestCookies(request: Request): RequestCookies {
  return (request as Partial<NextRequest>).cookies ?? new RequestCookies(request.headers);
}

/**
 * The value of the cookie `name` when it matches `pattern` (any value when none is given), or
 * null. A malformed one is passed over, as if absent.
 */
export function cookieValue(request: Request, name: string, pattern?: RegExp): string | null {
  const value = requestCookies(request).get(name)?.value;
  return value !== undefined && (!pattern || pattern.test(value)) ? value : null;
}

/** Whether the request came over https (itself, or as a proxy in front says in `X-Forwarded-Proto`). */
export function arrivedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(request.url).protocol === 'https:';
}
