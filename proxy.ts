import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';

/**
 * Every page request gets its own script nonce and the Content-Security-Policy that names it
 * (`lib/http/security-headers.ts`). Next reads the nonce from the request's CSP header while it
 * renders and puts it on its own script tags, so pages must render per request (the root layout
 * calls `connection()`). The other security headers, and the API's policy, come from
 * `next.config.js`.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: the API and the real static files (app/icon.svg and public/) get their headers
  // from next.config.js. The files are excluded by their exact paths, not as prefixes, so
  // `/icon.svgz`, `/_next/imagex` or `/favicon.ico.html` (HTML 404 pages) still get a page's policy.
  // Anything else that skipped the proxy would be an HTML page without its CSP.
  matcher: [
    {
      source:
        '/((?!api/|_next/static/|(?:_next/image|icon\\.svg|favicon\\.ico|apple-touch-icon\\.png|icon-192\\.png|icon-512\\.png|manifest\\.webmanifest|robots\\.txt|og-map\\.png)$).*)',
    },
  ],
};
