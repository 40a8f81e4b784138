import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from '../security-headers';

type Rule = { source: string; headers: { key: string; value: string }[] };
const nextConfig = createRequire(import.meta.url)('../../../next.config.js') as { headers: () => Promise<Rule[]> };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('contentSecurityPolicy', () => {
  test('production: scripts only by nonce, no eval, nothing may frame the page', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n0nce', dev: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"]);
    expect(contentSecurityPolicy({ nonce: 'n0nce', dev: false })).not.toMatch(/unsafe-eval/);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('worker-src')).toContain("'self'");
  });

  test('development alone allows eval (React dev stacks) and the hot-reload socket', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'x', dev: true }));
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('connect-src')).toContain('ws:');
  });

  test('each nonce is fresh and long enough to be unguessable', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe('next.config.js', () => {
  test('sends the same static headers on every path, and the API policy on /api', async () => {
    const rules = await nextConfig.headers();
    const all = rules.find((r) => r.source === '/:path*');
    expect(Object.fromEntries(all!.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    const api = rules.find((r) => r.source === '/api/:path*');
    expect(api!.headers).toEqual([{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }]);
  });
});
