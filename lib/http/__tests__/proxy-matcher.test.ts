import { describe, expect, test } from 'vitest';
// Next's own compiler of a proxy's `matcher` and its runtime check, so the test sees what Next does
// (the compiler is exported by Next's build but left out of its type declarations).
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info';
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher';
import { config } from '../../../proxy';

type CompileMatchers = (matcher: typeof config.matcher, nextConfig: object) => Parameters<typeof getMiddlewareRouteMatcher>[0];
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: CompileMatchers };
const matches = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));

/** Whether Next runs `proxy.ts` — which gives a page its Content-Security-Policy — for `pathname`. */
function proxied(pathname: string): boolean {
  return matches(pathname, { headers: {}, cookies: {} } as never, {});
}

describe('proxy.ts matcher', () => {
  test.each(['/', '/maps/negotiate-now', '/signin', '/join/ABC123', '/new', '/api', '/apix'])('runs for the page %s', (path) => {
    expect(proxied(path)).toBe(true);
  });

  test.each([
    '/api/maps/negotiate-now',
    '/api/health',
    '/_next/static/chunks/main.js',
    '/_next/image',
    '/icon.svg',
    '/favicon.ico',
    '/apple-touch-icon.png',
    '/icon-192.png',
    '/icon-512.png',
    '/manifest.webmanifest',
    '/robots.txt',
    '/og-map.png',
  ])('skips the API and the real static file %s', (path) => {
    expect(proxied(path)).toBe(false);
  });

  // Each is an HTML 404 page, which needs its policy like any page.
  test.each([
    '/favicon.ico.html',
    '/favicon.icoanything',
    '/icon.svgz',
    '/icon.svg/more',
    '/robots.txt/more',
    '/og-map.pngx',
    '/iconXsvg',
    '/_next/imagex',
    '/_next/image/more',
    '/_next/staticfoo',
  ])('runs for %s, which only begins like a static file', (path) => {
    expect(proxied(path)).toBe(true);
  });
});
