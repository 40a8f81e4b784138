import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { onPostgres, throwawayDatabase } from './support/database';
import { call, discoverRoutes, loadHandler } from './support/routes';
import { committedMigrations } from '@/lib/db/health';
// @ts-expect-error -- a plain ES module script without types
import { migratePostgres } from '../../scripts/migrate-postgres.mjs';

/**
 * PostgreSQL's health and its migrations, applied by scripts/migrate-postgres.mjs (not Prisma's
 * `migrate deploy`, which cannot run through the pg adapter). Runs under `npm run test:postgres`.
 */
describe.skipIf(!onPostgres)('PostgreSQL: health and migrations', () => {
  const database = throwawayDatabase('pg-migrations');
  const made: string[] = [];
  afterAll(async () => {
    if (made.length > 0) {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      for (const name of made) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
    await database.cleanup();
  });

  async function health() {
    const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/health')!);
    const response = await call(handler, new Request('http://localhost:3000/api/health'), {});
    return { status: response.status, body: await response.json() };
  }

  /** A second, empty database on the same server, for the runner's own tests. */
  async function emptyDatabase(name: string): Promise<string> {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    made.push(name);
    await admin.end();
    const url = new URL(database.url);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** A migrations folder of `files` (name → SQL). */
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-migrations-'));
    for (const [name, sql] of Object.entries(files)) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'migration.sql'), sql);
    }
    return dir;
  }

  test('GET /api/health: 200 naming PostgreSQL, its version and every committed migration applied', async () => {
    const migrations = await committedMigrations('postgresql');
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.database).toMatchObject({ kind: 'postgresql', reachable: true, journalMode: null, synchronous: null });
    expect(body.database.serverVersion).toMatch(/^\d+\.\d+/);
    expect(body.migrations).toEqual({ applied: migrations.length, pending: [], state: 'up-to-date' });
  });

  test('GET /api/health: 503 naming the migration the database lacks', async () => {
    const migrations = await committedMigrations('postgresql');
    const last = migrations[migrations.length - 1];
    const row = (await database.one<{ checksum: string }>('SELECT "checksum" FROM "_argmap_migrations" WHERE "name" = ?', last))!;
    await database.run('DELETE FROM "_argmap_migrations" WHERE "name" = ?', last);
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.migrations).toEqual({ applied: migrations.length - 1, pending: [last], state: 'pending' });
    } finally {
      await database.run('INSERT INTO "_argmap_migrations" ("name", "checksum") VALUES (?, ?)', last, row.checksum);
    }
  });

  test('the runner applies each file once, in order, even when instances start together', async () => {
    const url = await emptyDatabase(`argmap_runner_${process.pid}`);
    const dir = folder({
      '001_a': 'CREATE TABLE "a" ("n" INT);',
      '002_b': 'INSERT INTO "a" VALUES (1);',
    });
    const quiet = { log: () => {}, folder: dir };
    const applied = await Promise.all([migratePostgres(url, quiet), migratePostgres(url, quiet), migratePostgres(url, quiet)]);
    expect(applied.flat().sort()).toEqual(['001_a', '002_b']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT COUNT(*)::int AS n FROM "a"')).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  test('the runner refuses a changed applied file, a migration it does not know, and keeps nothing of a failing one', async () => {
    const url = await emptyDatabase(`argmap_runner_refusals_${process.pid}`);
    const quiet = (files: Record<string, string>) => ({ log: () => {}, folder: folder(files) });
    await migratePostgres(url, quiet({ '001_a': 'CREATE TABLE "a" ("n" INT);' }));
    await expect(migratePostgres(url, quiet({ '001_a': 'CREATE TABLE "a" ("n" BIGINT);' }))).rejects.toThrow(/changed after it was applied/);
    await expect(migratePostgres(url, quiet({}))).rejects.toThrow(/migrations this checkout does not know \(001_a\)/);
    await expect(
      migratePostgres(url, quiet({ '001_a': 'CREATE TABLE "a" ("n" INT);', '002_bad': 'CREATE TABLE "b" ("n" INT); SELECT nope;' })),
    ).rejects.toThrow(/Migration 002_bad failed/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT to_regclass('"b"') AS b`)).rows[0].b).toBeNull();
      expect((await client.query('SELECT "name" FROM "_argmap_migrations"')).rows).toEqual([{ name: '001_a' }]);
    } finally {
      await client.end();
    }
  });
});
