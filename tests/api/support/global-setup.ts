import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Makes one migrated and seeded SQLite file in the system temp folder (the same steps as
 * `npm start`: `prisma migrate deploy`, then the seed) and hands its path to the test files,
 * which each copy it (`tests/api/support/database.ts`). Removed when the run ends.
 */
export default function setup(project: TestProject) {
  const file = path.join(os.tmpdir(), `argmap-apitest-${process.pid}-${Date.now()}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: '1' };
  for (const [command, args] of [
    [bin('prisma'), ['migrate', 'deploy']],
    [bin('tsx'), [path.join(root, 'prisma', 'seed', 'index.ts')]],
  ] as const) {
    const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('templateDatabase', file);
  return () => {
    for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
