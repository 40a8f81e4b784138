import 'server-only';
import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { PrismaClient } from '@/generated/prisma/client';

/**
 * Who made a change: a display name, the public id of the browser it came from (both may be
 * empty), and the hash of that browser's secret owner key (never written to the event log).
 */
export interface Actor {
  name: string;
  clientId: string;
  ownerKey?: string;
}

export const NO_ACTOR: Actor = { name: '', clientId: '', ownerKey: '' };

/** The kinds of change the event log records. */
export type MapEventType =
  | 'node.created'
  | 'node.updated'
  | 'node.moved'
  | 'node.deleted'
  | 'node.restored'
  | 'inference.updated'
  | 'connection.created'
  | 'map.updated'
  | 'positions.saved'
  | 'comment.created'
  | 'comment.updated'
  | 'comment.deleted'
  | 'vote.cast';

/** One entry of a map's event log, as the events stream sends it. */
export interface MapEventView {
  id: number;
  type: MapEventType;
  actor: string;
  clientId: string;
  at: string;
  data: unknown;
}

type Writer = Pick<PrismaClient, 'mapEvent'>;

/**
 * Appends an event to the map's log. Call it inside the transaction that makes the change, so the
 * change and its event commit together; then call {@link announce} after the commit.
 */
export async function recordEvent(tx: Writer, mapId: string, type: MapEventType, actor: Actor, data: unknown): Promise<number> {
  const row = await tx.mapEvent.create({
    data: { mapId, type, actor: actor.name, clientId: actor.clientId, data: JSON.stringify(data) },
    select: { id: true },
  });
  return row.id;
}

/** {@link recordEvent} inside a synchronous better-sqlite3 transaction (`writeTransaction` in ./client.ts). */
export function recordEventSync(sql: Database.Database, mapId: string, type: MapEventType, actor: Actor, data: unknown, createdAt: string): number {
  const info = sql
    .prepare('INSERT INTO MapEvent (mapId, type, actor, clientId, data, createdAt) VALUES (?, ?, ?, ?, ?, ?)')
    .run(mapId, type, actor.name, actor.clientId, JSON.stringify(data), createdAt);
  return Number(info.lastInsertRowid);
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

/** Tells the map's open streams that new events are in the log. */
export function announce(mapId: string): void {
  eventBus().emit(mapId);
}

/** Events of a map after `afterId`, oldest first, at most `limit`. */
export async function eventsAfter(client: Writer, mapId: string, afterId: number, limit = 500): Promise<MapEventView[]> {
  const rows = await client.mapEvent.findMany({
    where: { mapId, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, type: true, actor: true, clientId: true, createdAt: true, data: true },
  });
  return rows.map((r) => ({ id: r.id, type: r.type as MapEventType, actor: r.actor, clientId: r.clientId, at: r.createdAt.toISOString(), data: JSON.parse(r.data) as unknown }));
}

/** The id of the map's newest event (0 when it has none): where a client that just loaded the map resumes. */
export async function lastEventId(client: Writer, mapId: string): Promise<number> {
  const row = await client.mapEvent.findFirst({ where: { mapId }, orderBy: { id: 'desc' }, select: { id: true } });
  return row?.id ?? 0;
}

/** The newest events of a map (newest first), at most `limit`, optionally only those before `beforeId`. */
export async function latestEvents(client: Writer, mapId: string, limit: number, beforeId?: number): Promise<MapEventView[]> {
  const rows = await client.mapEvent.findMany({
    where: { mapId, ...(beforeId !== undefined ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: 'desc' },
    take: limit,
    select: { id: true, type: true, actor: true, clientId: true, createdAt: true, data: true },
  });
  return rows.map((r) => ({ id: r.id, type: r.type as MapEventType, actor: r.actor, clientId: r.clientId, at: r.createdAt.toISOString(), data: JSON.parse(r.data) as unknown }));
}

/** The bus signal that a map's roles or policy changed: its open streams check their access again. */
export function accessSignal(mapId: string): string {
  return `${mapId}#access`;
}

/** Tells a map's open streams to check their access again (after a role, member or policy change). */
export function announceAccessChange(mapId: string): void {
  eventBus().emit(accessSignal(mapId));
}
