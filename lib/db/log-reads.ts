import 'server-only';
import { carriesText, deletedByModerator, mentionedIn, redactEvent, type Moderation } from '../argument/moderation';
import { db, sqlRead } from './client';
import { lastEventIdIn, rawEventsAfter, rawLatestEvents, type LogReader, type MapEventView } from './events';

/*
 * The event log as each reader may read it: the owner as written, everyone else with what
 * moderation took away replaced (lib/argument/moderation.ts decides what that is).
 */

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
  return readableBy(mapId, await rawEventsAfter(mapId, afterId, limit), reader);
}

/**
 * The newest events of a map (newest first), at most `limit`, optionally only those before
 * `beforeId`, as `reader` may read them (the history: the owner sees everything).
 */
export async function latestEvents(mapId: string, limit: number, beforeId?: number, reader: LogReader = 'public'): Promise<MapEventView[]> {
  return readableBy(mapId, await rawLatestEvents(mapId, limit, beforeId), reader);
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

/** The mark (`Node.createdBy`, `Node.deletedBy`) of the map's owner, or null when nobody owns it. */
export async function ownerMarkOf(mapId: string): Promise<string | null> {
  const map = await (await db()).argumentMap.findUnique({ where: { id: mapId }, select: { ownerId: true } });
  return map?.ownerId ? `user:${map.ownerId}` : null;
}

/**
 * The map's {@link Moderation} as of now — for the points and comments that `events` mention, or
 * (without `events`) for the whole map: deleted comments and the points the owner deleted from the
 * rows (so an undone delete shows again), rewordings from the log (read incrementally: only events
 * newer than the last look). A few plain-SQL reads (`sqlRead`): the stream's reader pays this on
 * every change. The ids go in as
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
