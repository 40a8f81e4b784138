import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

/**
 * The layers of docs/architecture.md, checked against the imports: a module of `lib/` may import
 * modules of its own layer or of layers below it, never above. Bottom first.
 */
const LAYERS: { name: string; holds: (file: string) => boolean }[] = [
  {
    name: 'shared words and limits',
    holds: (f) =>
      [
        'lib/words.ts',
        'lib/validation/limits.ts',
        'lib/validation/app-error.ts',
        'lib/auth/permissions.ts',
        'lib/auth/next-path.ts',
        'lib/validation/zod-config.ts',
      ].includes(f),
  },
  {
    name: 'pure core',
    holds: (f) => /^lib\/(argument|canvas|protocol)\//.test(f) || ['lib/auth/role-words.ts', 'lib/auth/role-summary.ts'].includes(f),
  },
  { name: 'validation', holds: (f) => f.startsWith('lib/validation/') },
  { name: 'server layout', holds: (f) => f.startsWith('lib/layout/') },
  { name: 'data access', holds: (f) => f.startsWith('lib/db/') || f.startsWith('lib/auth/') },
  { name: 'http', holds: (f) => f.startsWith('lib/http/') },
  { name: 'api client (browser)', holds: (f) => f.startsWith('lib/api-client/') },
];

const root = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.holds(file));
  if (index < 0) throw new Error(`${file} is in no layer: add it to docs/architecture.md and this test`);
  return index;
}

/** The lib/ modules a file imports (relative or `@/lib/…`), as project paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
  return specifiers.flatMap((spec) => {
    let target: string;
    if (spec.startsWith('@/lib/')) target = spec.slice(2);
    else if (spec.startsWith('.')) target = path.posix.join(path.posix.dirname(file), spec);
    else return [];
    if (!target.startsWith('lib/')) return [];
    for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, target]) {
      try {
        readFileSync(path.join(root, candidate));
        return [candidate];
      } catch {
        // try the next
      }
    }
    return [];
  });
}

test('no module of lib/ imports from a layer above its own', () => {
  const upward: string[] = [];
  for (const file of sources('lib')) {
    const own = layerOf(file);
    for (const target of importsOf(file)) {
      const theirs = layerOf(target);
      if (theirs > own) upward.push(`${file} (${LAYERS[own].name}) imports ${target} (${LAYERS[theirs].name})`);
    }
  }
  expect(upward).toEqual([]);
});
