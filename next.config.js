/**
 * Mirrors STATIC_SECURITY_HEADERS and API_CONTENT_SECURITY_POLICY in lib/http/security-headers.ts
 * (this file is plain CommonJS; lib/http/__tests__/security-headers.test.ts checks they agree).
 * Pages get their Content-Security-Policy, with a per-request nonce, from proxy.ts.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder for side work (benchmarks, debugging) that must not disturb `.next`.
  distDir: process.env.ARGMAP_DIST_DIR || '.next',
  reactStrictMode: true,
  // Source maps of the browser bundles, for reading what a chunk holds (`ARGMAP_SOURCE_MAPS=1`, with ARGMAP_DIST_DIR); off by default.
  productionBrowserSourceMaps: process.env.ARGMAP_SOURCE_MAPS === '1',
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
    ];
  },
};

module.exports = nextConfig;
