import 'server-only';
import { sqlRead } from './client';
import { changeNotice } from './event-bus';
import { dateOf, type Sql } from './sql';
import { STORED_INT_MAX } from '../validation/limits';
import type { MapEvent, MapEventData, MapEventType } from '../argument/map-events';

/**
 * Who made a change: a display name, the public id of the browser it came from (both may be
 * empty), the hash of that browser's secret owner key (never written to the event log), and the
 * identity mark of the person (`mark`, as `Node.createdBy`: "user:<id>" or "member:<id>"; null
 * when anonymous). The mark is written to the log as `MapEvent.actorMark`, where progress on tasks
 * is counted from, and never leaves the server: {@link MapEventView} has no place for it.
 */
export interface Actor {
  name: string;
  clientId: string;
  ownerKey?: string;
  mark: string | null;
}

export const NO_ACTOR: Actor = { name: '', clientId: '', ownerKey: '', mark: null };

export type { MapEventType };

/** One entry of a map's event log, as the events stream sends it (lib/argument/map-events.ts). */
export type MapEventView = MapEvent;

/**
 * Appends an event to the map's log, inside the plain-SQL transaction that makes the change
 * (`sqlTransaction` in ./client.ts, after its `lockMap`), so the change and its event commit
 * together (on PostgreSQL with the NOTIFY that wakes the other instances: no instance can die
 * between the change and telling them); then call `announce` after the commit.
 */
export async function recordEventIn<T extends MapEventType>(
  sql: Sql,
  mapId: string,
  type: T,
  actor: Actor,
  data: MapEventData[T],
  createdAt: Date,
): Promise<number> {
  const row = await sql.one<{ id: number }>(
    'INSERT INTO "MapEvent" ("mapId", "type", "actor", "clientId", "actorMark", "data", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "id"',
    mapId,
    type,
    actor.name,
    actor.clientId,
    actor.mark,
    JSON.stringify(data),
    createdAt,
  );
  if (sql.kind === 'postgresql') await sql.run('SELECT pg_notify(?, ?)', ...changeNotice(mapId));
  return row!.id;
}

/** The id of the map's newest event (0 when it has none), in plain SQL. */
export async function lastEventIdIn(sql: Sql, mapId: string): Promise<number> {
  return (await sql.one<{ id: number }>('SELECT COALESCE(MAX("id"), 0) AS "id" FROM "MapEvent" WHERE "mapId" = ?', mapId))!.id;
}

/**
 * Who reads the log: the map's owner (`moderator`, who may moderate) reads it as it was written;
 * everyone else (`public`) reads it with what moderation took away replaced by
 * {@link REDACTED_TEXT} (see {@link redactEvent}).
 */
export type LogReader = 'moderator' | 'public';

type EventRow = { id: number; type: string; actor: string; clientId: string; createdAt: unknown; data: string };

/** What leaves the server of an event: never `actorMark`, the identity behind a display name. */
const EVENT_COLUMNS = '"id", "type", "actor", "clientId", "createdAt", "data"';

function toView(r: EventRow): MapEventView {
  // The log holds only what recordEventIn wrote, each type with its own payload.
  return { id: r.id, type: r.type, actor: r.actor, clientId: r.clientId, at: dateOf(r.createdAt).toISOString(), data: JSON.parse(r.data) } as MapEventView;
}

/** The id of the map's newest event (0 when it has none): where a client that just loaded the map resumes. */
export async function lastEventId(mapId: string): Promise<number> {
  return sqlRead((sql) => lastEventIdIn(sql, mapId));
}

/**
 * The largest event id the log can hold ("MapEvent"."id" is a 32-bit integer on PostgreSQL, which
 * refuses a larger bound value): a cursor a client sends beyond it matches nothing and is not bound.
 */
const EVENT_ID_MAX = STORED_INT_MAX;

/** Events of a map after `afterId`, oldest first, at most `limit`, as written (see ./log-reads.ts for the log as each reader may read it). */
export async function rawEventsAfter(mapId: string, afterId: number, limit: number): Promise<MapEventView[]> {
  if (afterId >= EVENT_ID_MAX) return [];
  const rows = await sqlRead((sql) =>
    sql.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "MapEvent" WHERE "mapId" = ? AND "id" > ? ORDER BY "id" LIMIT ?`, mapId, afterId, limit),
  );
  return rows.map(toView);
}

/** The newest events of a map (newest first), at most `limit`, before `beforeId` when given, as written. */
export async function rawLatestEvents(mapId: string, limit: number, beforeId?: number): Promise<MapEventView[]> {
  // A bound past the largest id bounds nothing (and PostgreSQL would refuse it as an INTEGER).
  const bounded = beforeId !== undefined && beforeId <= EVENT_ID_MAX;
  const rows = await sqlRead((sql) =>
    bounded
      ? sql.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "MapEvent" WHERE "mapId" = ? AND "id" < ? ORDER BY "id" DESC LIMIT ?`, mapId, beforeId, limit)
      : sql.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "MapEvent" WHERE "mapId" = ? ORDER BY "id" DESC LIMIT ?`, mapId, limit),
  );
  return rows.map(toView);
}
