import 'server-only';
import { type NodeKind } from '../argument/model';
import { AppError } from '../validation/app-error';
import { db, lockMapRow } from './client';
import { findInSlices, updateInSlices } from './id-lists';
import { announce } from './event-bus';
import { deletedByModerator, REDACTED_TEXT } from '../argument/moderation';
import { NO_ACTOR, recordEvent, type Actor, type LogReader } from './events';
import { ownerMarkOf } from './log-reads';
import { assertCan, creatorMark, type Access } from './access';
import { readGraph } from './graph-rows';
import { mapIdOf } from './map-views';
import { CAPACITY, CAPACITY_WORDS, liveCapacity } from '../argument/capacity';

/**
 * Undoes one delete: every node removed under `deletionId` comes back, with its links. When a
 * restored node rests on a node that a later delete removed (undo out of order), that delete is
 * undone too, so nothing comes back hanging in the air.
 */
export async function restoreDeletion(slug: string, deletionId: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ restored: string[] }> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const first = await client.node.findMany({ where: { mapId, deletionId, deletedAt: { not: null } }, select: { id: true } });
  if (first.length === 0) throw new AppError('not_found', 'Nothing to restore: that delete is unknown or already undone.');
  // Read before the transaction: a query outside it waits for it to end.
  const ownerMark = access ? await ownerMarkOf(mapId) : null;
  const result = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const deletions = new Set([deletionId]);
    let frontier = first.map((r) => r.id);
    while (frontier.length > 0) {
      // What the restored nodes point at: conclusions of their inferences, targets of their attacks.
      const asPremise = await findInSlices(frontier, (slice) =>
        tx.inferencePremise.findMany({ where: { nodeId: { in: slice } }, select: { inference: { select: { conclusionId: true } } } }),
      );
      const asAttacker = await findInSlices(frontier, (slice) =>
        tx.conflict.findMany({ where: { attackerId: { in: slice } }, select: { targetNodeId: true, targetInference: { select: { conclusionId: true } } } }),
      );
      const needed = [
        ...new Set([
          ...asPremise.map((p) => p.inference.conclusionId),
          ...asAttacker.flatMap((c) => [c.targetNodeId, c.targetInference?.conclusionId].filter((id): id is string => !!id)),
        ]),
      ];
      const hidden = await findInSlices(needed, (slice) =>
        tx.node.findMany({ where: { mapId, id: { in: slice }, deletedAt: { not: null } }, select: { deletionId: true } }),
      );
      const more = [...new Set(hidden.map((h) => h.deletionId).filter((d): d is string => d !== null && !deletions.has(d)))];
      more.forEach((d) => deletions.add(d));
      frontier = (await findInSlices(more, (slice) => tx.node.findMany({ where: { mapId, deletionId: { in: slice } }, select: { id: true } }))).map(
        (r) => r.id,
      );
    }
    const restored = await findInSlices([...deletions], (slice) =>
      tx.node.findMany({ where: { mapId, deletionId: { in: slice } }, select: { id: true, createdBy: true, deletedBy: true } }),
    );
    if (access) {
      // One's own delete is one's own to undo; anyone else's (the owner's moderation, a classmate's,
      // or one pulled in by this restore) is the owner's. On an open map every delete is everyone's
      // to undo — except the owner's moderation, which would otherwise bring back what it hid.
      const moderated = restored.some((n) => deletedByModerator(n, ownerMark));
      const mine = access.policy === 'open' ? !moderated : restored.every((n) => n.deletedBy !== null && n.deletedBy === creatorMark(access.identity));
      assertCan(access, mine ? 'restore-own' : 'restore-any');
    }
    await updateInSlices([...deletions], (slice) =>
      tx.node.updateMany({ where: { mapId, deletionId: { in: slice } }, data: { deletedAt: null, deletionId: null, deletedBy: null } }),
    );
    // What comes back counts against the map's limits like anything added (the transaction rolls back).
    const room = liveCapacity(await readGraph(mapId, tx));
    for (const what of ['steps', 'links', 'attacks'] as const) {
      if (room[what] > CAPACITY[what]) {
        const message = `Undoing this would bring the map to ${room[what]} ${CAPACITY_WORDS[what]}, more than a map holds (${CAPACITY[what]}). Delete something first.`;
        throw new AppError('conflict', message, { issues: [{ path: ['deletionId'], message }] });
      }
    }
    const answer = { restored: restored.map((r) => r.id) };
    await recordEvent(tx, mapId, 'node.restored', actor, { ...answer, deletions: [...deletions] });
    return answer;
  });
  announce(mapId);
  return result;
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
