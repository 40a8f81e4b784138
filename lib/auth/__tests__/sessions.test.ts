import { describe, expect, test, vi } from 'vitest';

// sessions.ts is server-only and reads the database; these tests cover its pure parts only.
vi.mock('server-only', () => ({}));
vi.mock('@/lib/db/client', () => ({ db: () => Promise.reject(new Error('no database in unit tests')) }));

const { SESSION_COOKIE, clearedSessionCookie, isSessionLive, sessionCookie } = await import('../sessions');

const NOW = new Date('2026-11-27T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const TOKEN = 'q'.repeat(43);
const DAY_SECONDS = 24 * 60 * 60;

describe('isSessionLive', () => {
  test.each([
    ['expires later, not revoked', { expiresAt: at(60_000), revokedAt: null }, true],
    ['expires in a millisecond', { expiresAt: at(1), revokedAt: null }, true],
    ['expires exactly now', { expiresAt: at(0), revokedAt: null }, false],
    ['expired a second ago', { expiresAt: at(-1000), revokedAt: null }, false],
    ['revoked (signed out), though not yet expired', { expiresAt: at(60_000), revokedAt: at(-1000) }, false],
    ['revoked and expired', { expiresAt: at(-1000), revokedAt: at(-2000) }, false],
  ])('a session that %s → %s', (_name, session, live) => {
    expect(isSessionLive(session, NOW)).toBe(live);
  });
});

/** A `Set-Cookie` value split into its name=value and its attributes (names lower-cased). */
function parseSetCookie(value: string) {
  const [pair, ...rest] = value.split(';').map((part) => part.trim());
  const attributes = new Map<string, string | true>(
    rest.map((a) => {
      const eq = a.indexOf('=');
      return eq === -1 ? [a.toLowerCase(), true] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)];
    }),
  );
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

const overHttp = () => new Request('http://192.168.1.20:3000/api/auth/login', { method: 'POST' });
const overHttps = () => new Request('https://argmap.school.example/api/auth/login', { method: 'POST' });
const behindHttpsProxy = () => new Request('http://localhost:3000/api/auth/login', { method: 'POST', headers: { 'x-forwarded-proto': 'https' } });
const behindHttpProxy = () => new Request('http://localhost:3000/api/auth/login', { method: 'POST', headers: { 'x-forwarded-proto': 'http' } });

describe('sessionCookie', () => {
  test('carries the token in argmap_session, for the whole site, HttpOnly and SameSite=Lax', () => {
    const cookie = parseSetCookie(sessionCookie(TOKEN, new Date(Date.now() + 14 * DAY_SECONDS * 1000), overHttp()));
    expect(SESSION_COOKIE).toBe('argmap_session');
    expect(cookie.name).toBe('argmap_session');
    expect(cookie.value).toBe(TOKEN);
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.get('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Lax');
  });

  test('lasts until the session expires (Max-Age in seconds)', () => {
    const maxAge = Number(parseSetCookie(sessionCookie(TOKEN, new Date(Date.now() + 14 * DAY_SECONDS * 1000), overHttp())).attributes.get('max-age'));
    // A second may pass between computing expiresAt and the header.
    expect(maxAge).toBeGreaterThanOrEqual(14 * DAY_SECONDS - 1);
    expect(maxAge).toBeLessThanOrEqual(14 * DAY_SECONDS);
  });

  test.each([
    ['plain http on the LAN (a teacher’s laptop)', overHttp, false],
    ['https', overHttps, true],
    ['an https proxy (X-Forwarded-Proto: https)', behindHttpsProxy, true],
    ['an http proxy (X-Forwarded-Proto: http)', behindHttpProxy, false],
  ])('over %s, Secure is %s', (_name, request, secure) => {
    const cookie = parseSetCookie(sessionCookie(TOKEN, new Date(Date.now() + 60_000), request()));
    expect(cookie.attributes.has('secure')).toBe(secure);
  });
});

describe('clearedSessionCookie', () => {
  test.each([
    ['http', overHttp, false],
    ['https', overHttps, true],
  ])('over %s: empties argmap_session at once, with the same attributes (Secure: %s)', (_name, request, secure) => {
    const cookie = parseSetCookie(clearedSessionCookie(request()));
    expect(cookie.name).toBe('argmap_session');
    expect(cookie.value).toBe('');
    expect(cookie.attributes.get('max-age')).toBe('0');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.get('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Lax');
    expect(cookie.attributes.has('secure')).toBe(secure);
  });
});
