import 'server-only';
import { decideRestore } from '../argument/delete-point';
import { type NodeKind } from '../argument/model';
import { db, mapTransaction } from './client';
import { deletedByModerator, REDACTED_TEXT } from '../argument/moderation';
import { announce } from './event-bus';
import { NO_ACTOR, recordEventIn, type Actor, type LogReader } from './events';
import { ownerMarkOf } from './log-reads';
import { type Access } from './access';
import { allowed, personOf } from './graph-edits';
import { mapIdFor, readStoredGraphIn } from './graph-rows';
import { mapIdOf } from './map-views';

/**
 * Undoes one delete, as `decideRestore` (lib/argument/delete-point.ts) decides on everything stored
 * of the map: every node removed under `deletionId` comes back, with its links — and any later delete
 * a restored node rests on (undo out of order), so nothing comes back hanging in the air.
 */
export async function restoreDeletion(slug: string, deletionId: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ restored: string[] }> {
  const mapId = await mapIdFor(slug, access);
  const { answer } = await mapTransaction(mapId, async (sql) => {
    const { graph, points } = await readStoredGraphIn(sql, mapId);
    // Whose deletes were moderation matters only to who asks.
    const owner = access ? await sql.one<{ ownerId: string | null }>('SELECT "ownerId" FROM "ArgumentMap" WHERE "id" = ?', mapId) : undefined;
    const ownerMark = owner?.ownerId ? `user:${owner.ownerId}` : null;
    const plan = allowed(decideRestore(deletionId, { stored: graph, points, ownerMark, person: personOf(access) }), access);
    const now = new Date();
    const undone = sql.among('"deletionId"', plan.deletions);
    await sql.run(
      `UPDATE "Node" SET "deletedAt" = NULL, "deletionId" = NULL, "deletedBy" = NULL, "updatedAt" = ? WHERE "mapId" = ? AND ${undone.sql}`,
      now,
      mapId,
      undone.value,
    );
    const answer = { restored: plan.restored };
    await recordEventIn(sql, mapId, 'node.restored', actor, { ...answer, deletions: plan.deletions }, now);
    return { answer };
  });
  announce(mapId);
  return answer;
}

/** A delete that can still be undone, as "Recently deleted" lists it. */
export interface DeletionSummary {
  deletionId: string;
  deletedAt: string;
  nodes: { id: string; kind: NodeKind; text: string }[];
}

/**
 * `GET /api/maps/{slug}/deletions`: deletes not yet undone, newest first, each with the points it
 * removed. For everyone but the owner (`reader`), a point the owner deleted that someone else made —
 * moderation — is listed with {@link REDACTED_TEXT} for its words.
 */
export async function listDeletions(slug: string, limit = 50, reader: LogReader = 'public'): Promise<DeletionSummary[]> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const ownerMark = reader === 'public' ? await ownerMarkOf(mapId) : null;
  const rows = await client.node.findMany({
    where: { mapId, deletedAt: { not: null }, deletionId: { not: null } },
    select: { id: true, kind: true, text: true, deletedAt: true, deletionId: true, createdBy: true, deletedBy: true },
    orderBy: [{ deletedAt: 'desc' }, { createdAt: 'asc' }],
  });
  const byDeletion = new Map<string, DeletionSummary>();
  for (const row of rows) {
    const key = row.deletionId!;
    if (!byDeletion.has(key)) byDeletion.set(key, { deletionId: key, deletedAt: row.deletedAt!.toISOString(), nodes: [] });
    const moderated = reader === 'public' && deletedByModerator(row, ownerMark);
    byDeletion.get(key)!.nodes.push({ id: row.id, kind: row.kind as NodeKind, text: moderated ? REDACTED_TEXT : row.text });
  }
  return [...byDeletion.values()].slice(0, limit);
}
