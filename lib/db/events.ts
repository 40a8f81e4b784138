import 'server-only';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { PrismaClient } from '@/generated/prisma/client';
import { db, postgresPool, sqlRead, type PrismaTransaction } from './client';
import { databaseKind, databaseUrl } from './database-url';
import { dateOf, type Sql } from './sql';
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

/** A Prisma transaction client, as far as recording an event needs it. */
type EventWriter = Pick<PrismaClient, 'mapEvent'>;

/**
 * Appends an event to the map's log. Call it inside the transaction that makes the change, so the
 * change and its event commit together; then call {@link announce} after the commit.
 */
export async function recordEvent<T extends MapEventType>(tx: EventWriter, mapId: string, type: T, actor: Actor, data: MapEventData[T]): Promise<number> {
  const row = await tx.mapEvent.create({
    data: { mapId, type, actor: actor.name, clientId: actor.clientId, actorMark: actor.mark, data: JSON.stringify(data) },
    select: { id: true },
  });
  // Sent with the commit, so no instance can die between the change and telling the others.
  if (databaseKind() === 'postgresql') await (tx as unknown as PrismaTransaction).$executeRawUnsafe('SELECT pg_notify($1, $2)', ...changeNotice(mapId));
  return row.id;
}

/** {@link recordEvent} inside a plain-SQL transaction (`sqlTransaction` in ./client.ts), after its `lockMap`. */
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

const globalForBus = globalThis as unknown as { argmapEventBus?: EventEmitter };

/** In-process wake-up signal per map: streams re-read the log when it fires (the log stays the truth). */
export function eventBus(): EventEmitter {
  if (!globalForBus.argmapEventBus) {
    globalForBus.argmapEventBus = new EventEmitter();
    // Every open stream listens; a class of 30 plus teachers must not trigger the leak warning.
    globalForBus.argmapEventBus.setMaxListeners(0);
  }
  return globalForBus.argmapEventBus;
}

/**
 * Tells this instance's open streams of the map that new events are in the log. The other instances
 * (PostgreSQL) were told by the transaction that recorded the events: `recordEvent` sends a
 * `pg_notify`, which PostgreSQL delivers when, and only if, the transaction commits.
 */
export function announce(mapId: string): void {
  eventBus().emit(mapId);
}

/** The channel and payload of a notification that raises `signal` on the other instances. */
function changeNotice(signal: string): [string, string] {
  return [CHANGES_CHANNEL, `${INSTANCE_ID} ${signal}`];
}

/** The PostgreSQL channel on which instances tell each other which bus signal to raise. */
const CHANGES_CHANNEL = 'argmap_changes';
/** This process, so it can skip its own notifications (it has raised them already). */
const INSTANCE_ID = randomUUID();
/** How long to wait before listening again after the listening connection was lost, in ms. */
const RELISTEN_DELAY_MS = 1_000;

/**
 * Several instances on one PostgreSQL database: a signal that no event carries (a change of access)
 * is sent to the others with `pg_notify` after the change committed. Like the notifications events
 * send, it is only a wake-up: a stream that hears it reads the log, or checks its access, again.
 */
function notifyOtherInstances(signal: string): void {
  if (databaseKind() !== 'postgresql') return;
  postgresPool()
    .then((pool) => pool?.query('SELECT pg_notify($1, $2)', changeNotice(signal)))
    .catch((error: Error) => console.error('Could not tell other instances of a change:', error.message));
}

const globalForListen = globalThis as unknown as { argmapListening?: boolean };

/**
 * Listens for the signals other instances raise (PostgreSQL only; called once at start, from
 * instrumentation.ts) and raises them on this instance's bus. When the listening connection drops,
 * it listens again and wakes every open stream, so whatever was announced meanwhile is read.
 */
export async function listenForChanges(): Promise<void> {
  if (databaseKind() !== 'postgresql' || globalForListen.argmapListening) return;
  globalForListen.argmapListening = true;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    let retried = false;
    const retry = (error?: Error) => {
      if (retried) return;
      retried = true;
      if (error) console.error('Stopped hearing other instances; listening again:', error.message);
      client.end().catch(() => {});
      setTimeout(() => void listen(), RELISTEN_DELAY_MS).unref();
    };
    client.on('error', retry);
    client.on('end', () => retry());
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      const space = payload.indexOf(' ');
      if (space < 0 || payload.slice(0, space) === INSTANCE_ID) return;
      eventBus().emit(payload.slice(space + 1));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      retry(error as Error);
      return;
    }
    // Whatever was announced while nobody listened: every open stream reads its log again.
    for (const name of eventBus().eventNames()) eventBus().emit(name);
  };
  await listen();
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
  // The log holds only what recordEvent wrote, each type with its own payload.
  return { id: r.id, type: r.type, actor: r.actor, clientId: r.clientId, at: dateOf(r.createdAt).toISOString(), data: JSON.parse(r.data) } as MapEventView;
}

/** `events` as `reader` may read them. */
async function readableBy(mapId: string, events: MapEventView[], reader: LogReader): Promise<MapEventView[]> {
  if (reader === 'moderator' || !events.some(carriesText)) return events;
  const moderation = await moderationOf(mapId, events);
  return events.map((event) => redactEvent(event, moderation));
}

/**
 * Events of a map after `afterId`, oldest first, at most `limit`. The live stream reads the log
 * through this, and by default as the public does (`reader`): a replay from the start shows none of
 * what moderation took away.
 */
export async function eventsAfter(mapId: string, afterId: number, limit = 500, reader: LogReader = 'public'): Promise<MapEventView[]> {
  const rows = await sqlRead((sql) =>
    sql.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "MapEvent" WHERE "mapId" = ? AND "id" > ? ORDER BY "id" LIMIT ?`, mapId, afterId, limit),
  );
  return readableBy(mapId, rows.map(toView), reader);
}

/** The id of the map's newest event (0 when it has none): where a client that just loaded the map resumes. */
export async function lastEventId(mapId: string): Promise<number> {
  return sqlRead((sql) => lastEventIdIn(sql, mapId));
}

/**
 * The newest events of a map (newest first), at most `limit`, optionally only those before
 * `beforeId`, as `reader` may read them (the history: the owner sees everything).
 */
export async function latestEvents(mapId: string, limit: number, beforeId?: number, reader: LogReader = 'public'): Promise<MapEventView[]> {
  const rows = await sqlRead((sql) =>
    sql.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM "MapEvent" WHERE "mapId" = ? AND "id" < ? ORDER BY "id" DESC LIMIT ?`,
      mapId,
      beforeId ?? Number.MAX_SAFE_INTEGER,
      limit,
    ),
  );
  return readableBy(mapId, rows.map(toView), reader);
}

/** What stands, for everyone but the map's owner, in place of words that moderation took away. */
export const REDACTED_TEXT = '[removed]';

/**
 * What moderation has taken out of a map's words, as of now. Each entry maps a point or comment id
 * to the id of the event from which its words may be read again: a text in an earlier event is
 * hidden (and the `before` of that event itself); `Infinity` hides it in every event.
 * - **Points the owner deleted** that someone else made (a delete not yet undone): every text of
 *   theirs, in every event — until the delete is undone. Anyone else's delete is not moderation: a
 *   point its maker (or, on an open map, a classmate) deleted stays readable, and restorable.
 * - **Points the owner reworded** that someone else made (`moderated: true` on the `node.updated`
 *   event): every earlier wording.
 * - **Comments**: every deleted comment, every comment on a point the owner deleted, and the earlier
 *   wordings of a comment the owner reworded (`moderated: true` on the `comment.updated` event).
 */
export interface Moderation {
  points: ReadonlyMap<string, number>;
  comments: ReadonlyMap<string, number>;
}

/** No moderation: nothing hidden. */
export const NO_MODERATION: Moderation = { points: new Map(), comments: new Map() };

type TextOf = { id: string; text: string };
type EventData = {
  node?: TextOf;
  before?: { text?: string };
  graph?: { nodes?: TextOf[] };
  id?: string;
  nodeId?: string;
  text?: string;
};

/** Whether an event of this type can hold the words of a point or comment. */
function carriesText(event: MapEventView): boolean {
  return TEXT_EVENTS.has(event.type);
}
const TEXT_EVENTS: ReadonlySet<MapEventType> = new Set(['node.created', 'node.updated', 'node.moved', 'node.deleted', 'comment.created', 'comment.updated']);

/**
 * The event as someone other than the map's owner may read it: every text that `moderation` hides
 * (see {@link Moderation}) replaced by {@link REDACTED_TEXT}. Pure; returns the event itself when
 * nothing in it is hidden, else a copy (the event is never changed).
 *
 * @example redactEvent({ id: 7, type: 'comment.created', data: { id: 'c1', nodeId: 'n1', text: 'rude' }, … }, { points: new Map(), comments: new Map([['c1', Infinity]]) }).data.text === '[removed]'
 */
export function redactEvent(event: MapEventView, moderation: Moderation): MapEventView {
  if (!carriesText(event) || event.data === null || typeof event.data !== 'object') return event;
  const data = event.data as EventData;
  const hiddenBefore = (threshold: number | undefined) => threshold !== undefined && event.id < threshold;
  const pointHidden = (id: string) => hiddenBefore(moderation.points.get(id));
  let redacted: EventData | null = null;
  const edit = () => (redacted ??= { ...data });
  switch (event.type) {
    case 'node.created':
    case 'node.updated':
    case 'node.moved': {
      if (!data.node) break;
      const threshold = moderation.points.get(data.node.id);
      if (hiddenBefore(threshold)) edit().node = { ...data.node, text: REDACTED_TEXT };
      // The edit that moderation made shows its new words, never the ones it replaced.
      if (threshold !== undefined && event.id <= threshold && data.before?.text !== undefined) edit().before = { ...data.before, text: REDACTED_TEXT };
      break;
    }
    case 'node.deleted': {
      const nodes = data.graph?.nodes;
      if (!nodes?.some((n) => pointHidden(n.id))) break;
      edit().graph = { ...data.graph, nodes: nodes.map((n) => (pointHidden(n.id) ? { ...n, text: REDACTED_TEXT } : n)) };
      break;
    }
    case 'comment.created':
    case 'comment.updated': {
      const onHiddenPoint = data.nodeId !== undefined && moderation.points.get(data.nodeId) === Infinity;
      if (data.id !== undefined && (hiddenBefore(moderation.comments.get(data.id)) || onHiddenPoint)) edit().text = REDACTED_TEXT;
      break;
    }
  }
  return redacted ? { ...event, data: redacted } : event;
}

/** Rewordings by someone other than the maker, per map, found so far: the log only grows, so each is read once. */
interface RewordingScan {
  upTo: number;
  points: Map<string, number>;
  comments: Map<string, number>;
}
/** How many maps' rewordings are kept in memory (the most recently read). */
const REWORDING_SCANS_MAX = 64;
const globalForScans = globalThis as unknown as { argmapRewordingScans?: Map<string, RewordingScan> };
const rewordingScans = (globalForScans.argmapRewordingScans ??= new Map<string, RewordingScan>());

/**
 * Whether the point was deleted by the map's owner (`ownerMark`, `user:<ownerId>`; null for a map
 * nobody owns) and made by someone else: moderation, not the maker's own change of mind.
 */
export function deletedByModerator(point: { createdBy: string | null; deletedBy: string | null }, ownerMark: string | null): boolean {
  return ownerMark !== null && point.deletedBy === ownerMark && point.createdBy !== ownerMark;
}

/** The mark (`Node.createdBy`, `Node.deletedBy`) of the map's owner, or null when nobody owns it. */
export async function ownerMarkOf(mapId: string): Promise<string | null> {
  const map = await (await db()).argumentMap.findUnique({ where: { id: mapId }, select: { ownerId: true } });
  return map?.ownerId ? `user:${map.ownerId}` : null;
}

/** The points and comments whose words `events` hold (a comment's point too: its thread goes with it). */
function mentionedIn(events: readonly MapEventView[]): { points: string[]; comments: string[] } {
  const points = new Set<string>();
  const comments = new Set<string>();
  for (const event of events) {
    if (!carriesText(event) || event.data === null || typeof event.data !== 'object') continue;
    const data = event.data as EventData;
    if (data.node) points.add(data.node.id);
    for (const node of data.graph?.nodes ?? []) points.add(node.id);
    if (event.type.startsWith('comment.') && data.id !== undefined) {
      comments.add(data.id);
      if (data.nodeId !== undefined) points.add(data.nodeId);
    }
  }
  return { points: [...points], comments: [...comments] };
}

/**
 * The map's {@link Moderation} as of now — for the points and comments that `events` mention, or
 * (without `events`) for the whole map: deleted comments and the points the owner deleted from the
 * rows (so an undone delete shows again), rewordings from the log (read incrementally: only events
 * newer than the last look). Prepared statements in one synchronous read on the app's connection
 * (its turn with Prisma's queries): the stream's reader pays this on every change. The ids go in as
 * one bound value (`Sql.among`), so no list meets a database's limit on bound values. Not for use inside
 * a transaction (it would wait for it).
 */
export async function moderationOf(mapId: string, events?: readonly MapEventView[]): Promise<Moderation> {
  const mentioned = events ? mentionedIn(events) : null;
  const scan = rewordingScans.get(mapId) ?? { upTo: 0, points: new Map<string, number>(), comments: new Map<string, number>() };
  const { newest, ownerMark, deletedPoints, deletedComments, rewordings } = await sqlRead(async (sql) => {
    const newest = await lastEventIdIn(sql, mapId);
    const owner = await sql.one<{ ownerId: string | null }>('SELECT "ownerId" FROM "ArgumentMap" WHERE "id" = ?', mapId);
    const ownerMark = owner?.ownerId ? `user:${owner.ownerId}` : null;
    const among = (ids: string[] | undefined) => {
      if (ids === undefined) return { sql: '', values: [] };
      const list = sql.among('"id"', ids);
      return { sql: ` AND ${list.sql}`, values: [list.value] };
    };
    const points = among(mentioned?.points);
    const comments = among(mentioned?.comments);
    // Only the owner moderates points: on a map nobody owns there is nothing to look up.
    const deletedPoints =
      ownerMark === null
        ? []
        : await sql.all<{ id: string; createdBy: string | null; deletedBy: string | null }>(
            `SELECT "id", "createdBy", "deletedBy" FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NOT NULL AND "deletedBy" = ?${points.sql}`,
            mapId,
            ownerMark,
            ...points.values,
          );
    const deletedComments = await sql.all<{ id: string }>(
      `SELECT "id" FROM "Comment" WHERE "mapId" = ? AND "deletedAt" IS NOT NULL${comments.sql}`,
      mapId,
      ...comments.values,
    );
    const rewordings = await sql.all<{ id: number; type: string; data: string }>(
      `SELECT "id", "type", "data" FROM "MapEvent" WHERE "mapId" = ? AND "id" > ? AND "id" <= ? AND "type" IN ('node.updated', 'comment.updated') ORDER BY "id"`,
      mapId,
      scan.upTo,
      newest,
    );
    return { newest, ownerMark, deletedPoints, deletedComments, rewordings };
  });
  for (const row of rewordings) {
    const data = JSON.parse(row.data) as { moderated?: boolean; node?: { id: string }; id?: string };
    if (data.moderated !== true) continue;
    if (row.type === 'node.updated' && data.node) scan.points.set(data.node.id, Number(row.id));
    if (row.type === 'comment.updated' && data.id) scan.comments.set(data.id, Number(row.id));
  }
  scan.upTo = Math.max(scan.upTo, newest);
  rewordingScans.delete(mapId);
  rewordingScans.set(mapId, scan);
  if (rewordingScans.size > REWORDING_SCANS_MAX) rewordingScans.delete(rewordingScans.keys().next().value!);

  const points = new Map(scan.points);
  for (const row of deletedPoints) if (deletedByModerator(row, ownerMark)) points.set(row.id, Infinity);
  const comments = new Map(scan.comments);
  for (const row of deletedComments) comments.set(row.id, Infinity);
  return { points, comments };
}

/** The bus signal that a map's roles or policy changed: its open streams check their access again. */
export function accessSignal(mapId: string): string {
  return `${mapId}#access`;
}

/** Tells a map's open streams to check their access again (after a role, member or policy change). */
export function announceAccessChange(mapId: string): void {
  eventBus().emit(accessSignal(mapId));
  notifyOtherInstances(accessSignal(mapId));
}
