import { afterAll, expect, test } from 'vitest';
import { onPostgres, throwawayDatabase } from './support/database';
import { call, discoverRoutes, loadHandler } from './support/routes';
import { committedMigrations } from '@/lib/db/health';

const database = throwawayDatabase('health');
afterAll(() => database.cleanup());

async function health() {
  const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/health')!);
  const response = await call(handler, new Request('http://localhost:3000/api/health'), {});
  return { status: response.status, body: await response.json() };
}

// SQLite's pragmas and its `_prisma_migrations` table: PostgreSQL's health and migrations have tests of their own.
test.skipIf(onPostgres)('GET /api/health: 200 with the pragmas and every committed migration applied', async () => {
  const migrations = await committedMigrations();
  expect(migrations.length).toBeGreaterThan(0);
  const { status, body } = await health();
  expect(status).toBe(200);
  expect(body).toEqual({
    status: 'ok',
    database: { kind: 'sqlite', reachable: true, serverVersion: null, journalMode: 'wal', synchronous: 'NORMAL' },
    migrations: { applied: migrations.length, pending: [], state: 'up-to-date' },
  });
});

test.skipIf(onPostgres)('GET /api/health: 503 naming the migration the database lacks', async () => {
  const migrations = await committedMigrations();
  const last = migrations[migrations.length - 1];
  const row = (await database.one('SELECT * FROM "_prisma_migrations" WHERE "migration_name" = ?', last))!;
  await database.run('DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?', last);
  try {
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe('error');
    expect(body.database.reachable).toBe(true);
    expect(body.migrations).toEqual({ applied: migrations.length - 1, pending: [last], state: 'pending' });
  } finally {
    const columns = Object.keys(row);
    await database.run(
      `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ...columns.map((c) => row[c]),
    );
  }
  expect((await health()).status).toBe(200);
});
