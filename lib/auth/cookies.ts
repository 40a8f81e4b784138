/**
 * Reading the cookies the server set, and whether to mark new ones `Secure`. Values are matched as
 * they are, never decoded: every cookie Argmap sets is plain base64url (a stray `%` is no value).
 */

/**
 * The first value of the cookie `name` in the request's `Cookie` header that matches `pattern`
 * (any value when none is given), or null. A malformed one is passed over, as if absent.
 */
export function cookieValue(request: Request, name: string, pattern?: RegExp): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    if (!pattern || pattern.test(value)) return value;
  }
  return null;
}

/** Whether the request came over https (itself, or as a proxy in front says in `X-Forwarded-Proto`). */
export function arrivedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(request.url).protocol === 'https:';
}
