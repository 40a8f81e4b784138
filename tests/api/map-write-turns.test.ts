import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { POSTGRES_POOL_MAX } from '@/lib/db/client';
import { onPostgres, throwawayDatabase } from './support/database';
import { send } from './support/routes';

/**
 * One map's writers cannot take the server from every other map. On PostgreSQL a write waits for
 * its map's row lock; waiting inside the database would hold one of the instance's
 * POSTGRES_POOL_MAX pooled connections per writer, and a class writing to one map behind a slow
 * write (here: the lock held by another instance) would leave none for anyone else. A map's writes
 * wait their turn on the instance instead (`mapTransaction` in lib/db/client.ts), holding at most
 * one connection.
 *
 * Only on PostgreSQL: on SQLite one process writes, one write at a time, with no pool to run out.
 */
const database = onPostgres ? throwawayDatabase('map-write-turns') : undefined;
const holders: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(holders.map((client) => client.end()));
  await database?.cleanup();
});

const SLUG = 'negotiate-now';
const WRITERS = 3 * POSTGRES_POOL_MAX;

describe.skipIf(!onPostgres)('writes to one map wait their turn on the instance (skipped on SQLite: needs ARGMAP_TEST_POSTGRES_URL)', () => {
  test(`${WRITERS} writers queued behind a map's lock leave the other maps free; they all go through when it is released`, async () => {
    const other = await send('POST', '/api/documents', { body: { title: 'Another map', text: 'Our town should build a library.' } });
    expect(other.status, await other.clone().text()).toBe(201);
    const { map } = (await other.json()) as { map: { slug: string } };
    const mapId = (await database!.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', SLUG))!.id;
    const thesis = (await database!.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis'`, mapId))!.id;

    // Another instance's slow write: the map's row lock, held until released below.
    const holder = new pg.Client({ connectionString: database!.url });
    holders.push(holder);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM "ArgumentMap" WHERE "id" = $1 FOR UPDATE', [mapId]);
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await holder.query('COMMIT');
    };

    try {
      const writes = Array.from({ length: WRITERS }, (_, i) =>
        send('POST', `/api/maps/${SLUG}/nodes`, { body: { kind: 'claim', text: `Queued claim ${i}`, target: thesis, relation: 'supports' } }),
      );
      // While all of them wait, the other map is written and read as if nothing were queued. Without
      // the turns, these would wait for a connection until the pool gave up (a 500).
      const otherThesis = await send('POST', `/api/maps/${map.slug}/nodes`, { body: { kind: 'thesis', text: 'Our town should build a library.' } });
      expect(otherThesis.status, await otherThesis.clone().text()).toBe(201);
      const otherRead = await send('GET', `/api/maps/${map.slug}`);
      expect(otherRead.status).toBe(200);
      expect(released).toBe(false);
      const waiting = await database!.one<{ n: number }>(
        `SELECT COUNT(*) AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`,
      );
      // One connection of this instance waits on the lock; the rest wait in its queue, holding none.
      expect(Number(waiting!.n)).toBe(1);

      await release();
      const statuses = await Promise.all(writes.map(async (write) => (await write).status));
      expect(statuses).toEqual(Array.from({ length: WRITERS }, () => 201));
      const texts = await database!.all<{ text: string }>(
        `SELECT "text" FROM "Node" WHERE "mapId" = ? AND "text" LIKE 'Queued claim %' ORDER BY "text"`,
        mapId,
      );
      expect(texts.map((row) => row.text).sort()).toEqual(Array.from({ length: WRITERS }, (_, i) => `Queued claim ${i}`).sort());
    } finally {
      await release();
    }
  });
});
