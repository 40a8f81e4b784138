// The floor: a bare Next + React Flow app on Argmap's own pinned packages (resolved from the repo
// root's node_modules), built and served by bench/floor.ts. It builds into the repo root's
// `.next-floor/` (ignored by git and ESLint like every `.next-*` folder), never into `.next`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: '../../.next-floor',
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
