import { afterAll, describe, expect, test } from 'vitest';
import { onPostgres, throwawayDatabase } from './support/database';

/**
 * Times written by plain SQL and by Prisma are the same instants whichever reads them back, in a
 * server process whose local time is not UTC: the DateTime columns hold UTC (TIMESTAMP without a
 * zone, as Prisma's schema makes them), and pg would otherwise send and read local time.
 */
describe.skipIf(!onPostgres)('PostgreSQL: one clock for plain SQL and Prisma', () => {
  const database = throwawayDatabase('pg-time');
  const tz = process.env.TZ;
  afterAll(async () => {
    process.env.TZ = tz;
    await database.cleanup();
  });

  test('an event recorded in plain SQL reads back at the same instant through Prisma and the log', async () => {
    process.env.TZ = 'Europe/Berlin';
    const { sqlTransaction, db } = await import('@/lib/db/client');
    const { recordEventIn, rawEventsAfter } = await import('@/lib/db/events');
    const mapId = (await database.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', 'negotiate-now'))!.id;
    const at = new Date('2026-12-05T11:00:00.000Z');
    const id = await sqlTransaction(async (sql) => {
      await sql.lockMap(mapId);
      return recordEventIn(sql, mapId, 'positions.saved', { name: 'Ann', clientId: '', mark: null }, { positions: {} }, at);
    });
    const stored = await database.one<{ text: string }>(`SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI') AS "text" FROM "MapEvent" WHERE "id" = ?`, id);
    expect(stored?.text).toBe('2026-12-05T11:00');
    const viaPrisma = await (await db()).mapEvent.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
    expect(viaPrisma.createdAt.toISOString()).toBe(at.toISOString());
    const [viaLog] = await rawEventsAfter(mapId, id - 1, 1);
    expect(viaLog.at).toBe(at.toISOString());
  });
});
