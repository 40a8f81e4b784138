import { afterAll, expect, test } from 'vitest';
import type { MapView } from '@/lib/argument/map-view';
import { throwawayDatabase } from './support/database';
import { send } from './support/routes';

/**
 * A map's answer is the map as of its own `lastEventId`: the live stream goes on from there, so a
 * view holding a point the log puts after that position shows it before its event, and one missing
 * a point from before it never shows it. On PostgreSQL the answer's queries run on pooled
 * connections while other requests commit; they are read in one snapshot. Writers and readers run
 * at once here, and every answer is checked against the log.
 */
const database = throwawayDatabase('map-view-snapshot');
afterAll(() => database.cleanup());

const SLUG = 'negotiate-now';
const WRITERS = 4;
const WRITES_EACH = 15;
const READERS = 4;

test(`${READERS} readers while ${WRITERS} writers add ${WRITERS * WRITES_EACH} points: each answer holds exactly the points its log position has`, async () => {
  const mapId = (await database.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', SLUG))!.id;
  const thesis = (await database.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis'`, mapId))!.id;
  const start = (await database.one<{ id: number }>('SELECT COALESCE(MAX("id"), 0) AS "id" FROM "MapEvent" WHERE "mapId" = ?', mapId))!.id;
  const read = async (): Promise<MapView> => {
    const response = await send('GET', `/api/maps/${SLUG}`);
    expect(response.status).toBe(200);
    return (await response.json()) as MapView;
  };
  const baseline = await read();
  expect(baseline.lastEventId).toBe(start);

  let writing = true;
  const writer = async (w: number) => {
    for (let i = 0; i < WRITES_EACH; i++) {
      const response = await send('POST', `/api/maps/${SLUG}/nodes`, {
        body: { kind: 'claim', text: `Snapshot claim ${w}.${i}`, target: thesis, relation: 'supports' },
      });
      expect(response.status, await response.clone().text()).toBe(201);
      // A class's pace rather than a loop's, so the readers see the map at many positions.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** What each answer held: its log position, its points, and any step or edge on a point it lacks. */
  const seen: { at: number; nodes: number; dangling: string[] }[] = [];
  const note = (view: MapView) => {
    const ids = new Set(view.nodes.map((node) => node.id));
    const dangling = [
      ...view.inferences.filter((i) => ![i.conclusion, ...i.premises].every((id) => ids.has(id))).map((i) => i.id),
      ...view.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to)).map((e) => e.id),
    ];
    seen.push({ at: view.lastEventId, nodes: view.nodes.length, dangling });
  };
  const reader = async () => {
    while (writing) {
      note(await read());
      // As requests from a network would: an answer from the cache is all microtasks, and a reader
      // that never yields to the event loop would keep the writers from ever running.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const readers = Array.from({ length: READERS }, reader);
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  writing = false;
  await Promise.all(readers);
  note(await read());

  const created = (
    await database.all<{ id: number }>(`SELECT "id" FROM "MapEvent" WHERE "mapId" = ? AND "type" = 'node.created' AND "id" > ?`, mapId, start)
  ).map((row) => Number(row.id));
  expect(created).toHaveLength(WRITERS * WRITES_EACH);
  const wrong = seen.filter(({ at, nodes, dangling }) => nodes !== baseline.nodes.length + created.filter((id) => id <= at).length || dangling.length > 0);
  expect(wrong).toEqual([]);
  const positions = new Set(seen.map(({ at }) => at));
  // The readers saw the map at many positions, not only before and after.
  expect(positions.size).toBeGreaterThan(5);
  expect(seen.at(-1)!.nodes).toBe(baseline.nodes.length + WRITERS * WRITES_EACH);
});
