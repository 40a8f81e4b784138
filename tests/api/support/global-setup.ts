import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, POSTGRES_ADMIN_URL, postgresUrl, quoteIdent, withAdmin } from './postgres';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Makes one migrated and seeded database and hands it to the test files, which each copy it
 * (`tests/api/support/database.ts`). Removed when the run ends.
 *
 * SQLite: a file in the system temp folder, made with the same steps as `npm start` (`prisma
 * migrate deploy`, then the seed). PostgreSQL (ARGMAP_TEST_POSTGRES_URL set): a database
 * `argmap_template_<pid>` on that cluster, prepared by `node scripts/prepare-db.mjs`; the teardown
 * drops it and every database the test files made from it.
 */
export default async function setup(project: TestProject) {
  return POSTGRES_ADMIN_URL ? setupPostgres(project) : setupSqlite(project);
}

function setupSqlite(project: TestProject) {
  const file = path.join(os.tmpdir(), `argmap-apitest-${process.pid}-${Date.now()}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: '1' };
  try {
    run(bin('prisma'), ['migrate', 'deploy'], env);
    run(bin('tsx'), [path.join(root, 'prisma', 'seed', 'index.ts')], env);
  } catch (error) {
    for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
    throw error;
  }
  project.provide('templateDatabase', file);
  project.provide('postgresRun', '');
  return () => {
    for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
  };
}

async function setupPostgres(project: TestProject) {
  const runId = String(process.pid);
  const template = `argmap_template_${runId}`;
  // Every database of this run: the template, and the test files' `argmap_<label>_<run>_<pid>_<n>`.
  const ours = new RegExp(`^argmap_(template_${runId}|[a-z0-9_]*_${runId}_\\d+_\\d+)$`);
  const teardown = () =>
    withAdmin(async (admin) => {
      const names = (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'argmap\\_%'")).rows.map((r) => r.datname);
      for (const name of names.filter((n) => ours.test(n))) await dropDatabase(admin, name);
    });
  await withAdmin(async (admin) => {
    await dropDatabase(admin, template);
    await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  try {
    run(process.execPath, [path.join(root, 'scripts', 'prepare-db.mjs')], {
      ...process.env,
      DATABASE_URL: postgresUrl(template),
      NEXT_TELEMETRY_DISABLED: '1',
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('templateDatabase', template);
  project.provide('postgresRun', runId);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: the template file's path. PostgreSQL: the template database's name. */
    templateDatabase: string;
    /** The token in the names of this run's PostgreSQL databases (the global setup's pid); empty on SQLite. */
    postgresRun: string;
  }
}
