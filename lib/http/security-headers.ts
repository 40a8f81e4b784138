/**
 * The browser-facing security policy of every response, in one place: `proxy.ts` sends the page
 * policy with a fresh nonce per request, and `next.config.js` sends {@link STATIC_SECURITY_HEADERS}
 * (mirrored there, since the config is plain CommonJS) and {@link API_CONTENT_SECURITY_POLICY} on
 * every path. Pure: no Next imports, so it is unit-tested.
 */

/** Headers every response carries, page, API or static file. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // Argmap uses none of these; a page that ever tries gets nothing.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** JSON and files answered by the API never run code or load anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The Content-Security-Policy of a page.
 *
 * - Scripts: only those carrying this request's `nonce` (Next puts it on its own script tags when it
 *   finds the nonce in the request's CSP header), and what they load (`'strict-dynamic'`). No
 *   `'unsafe-eval'` in production; `next dev` needs it (`dev: true`) for React's debugging stacks.
 * - Styles: `'unsafe-inline'`, because React Flow positions every node and edge with inline `style`
 *   attributes, which a nonce cannot cover (CSS cannot run script, so this is the cheap half of CSP).
 * - Images: `data:` and `blob:` for the share dialog's QR code and the PNG/SVG export (html-to-image).
 * - Workers: `'self'` for the ELK layout worker (`components/map-canvas/layout.worker.ts`), `blob:`
 *   for bundlers that wrap a worker in a blob URL.
 * - Nothing may frame the page (`frame-ancestors 'none'`), no plugins, no `<base>` elsewhere, and
 *   forms post only to Argmap.
 *
 * @example contentSecurityPolicy({ nonce: 'abc', dev: false })
 * // "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; …"
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The live stream and the API are same-origin; `next dev` adds its hot-reload socket.
    'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
