import { trustedProxyHops } from '../auth/rate-limit';

/**
 * The origin people reach this Argmap at, for links that leave the page: the map's address in a
 * downloaded or printed brief, and the absolute URLs of the social preview image.
 *
 * - `PUBLIC_URL` (e.g. `https://argmap.school.example`), when set to an http(s) URL, wins: it is
 *   the address the operator publishes, whatever the request says.
 * - Otherwise the host the request came in on: its `Host` header, or — only when the operator says
 *   proxies are in front (`TRUST_PROXY`, as for client addresses) — the first `X-Forwarded-Host`.
 *   The scheme is https when the request came over https, itself or as `X-Forwarded-Proto` says
 *   (the same check as the `Secure` cookie flag, `arrivedOverHttps`).
 *
 * Next hands route handlers a `request.url` on the address the server listens on
 * (`http://localhost:3000`), not the one the class typed, which is why it is not used for the host.
 *
 * @example publicOrigin(request) // 'http://192.168.1.23:3000' (a teacher's laptop on the school network)
 */
export function publicOrigin(request: { headers: Headers; url?: string }, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = configuredOrigin(env.PUBLIC_URL);
  if (configured) return configured;
  const { headers } = request;
  const forwardedHost = trustedProxyHops(env.TRUST_PROXY) > 0 ? firstValue(headers.get('x-forwarded-host')) : null;
  const fromUrl = request.url ? safeUrl(request.url) : null;
  const host = [forwardedHost, headers.get('host'), fromUrl?.host].find((h): h is string => typeof h === 'string' && HOST_SHAPE.test(h)) ?? 'localhost:3000';
  const https = firstValue(headers.get('x-forwarded-proto'))?.toLowerCase() === 'https' || fromUrl?.protocol === 'https:';
  return `${https ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/** A host name or address with an optional port: `argmap.example`, `192.168.1.23:3000`, `[::1]:3000`. */
const HOST_SHAPE = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::\d{1,5})?$/;

/** The origin of `PUBLIC_URL`, or null when it is unset or not an http(s) URL. */
export function configuredOrigin(setting: string | undefined): string | null {
  const url = setting?.trim() ? safeUrl(setting.trim()) : null;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
}

function firstValue(header: string | null): string | null {
  const first = header?.split(',')[0]?.trim();
  return first ? first : null;
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
