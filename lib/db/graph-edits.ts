import 'server-only';
import { randomUUID } from 'node:crypto';
import { dependentsOf } from '../argument/graph';
import { RETYPABLE_KINDS, type ArgNode, type RetypableKind, type Inference, type NodeKind, type StockIssue, UNSTATABLE_KINDS } from '../argument/model';
import { AppError } from '../validation/app-error';
import { stockIssueProblem, type InferenceUpdateInput, type NodeUpdateInput } from '../validation/node';

import type { PrismaClient } from '@/generated/prisma/client';
import { db, lockMapRow } from './client';
import { updateInSlices } from './id-lists';
import { announce } from './event-bus';
import { NO_ACTOR, recordEvent, type Actor } from './events';
import { can } from '../auth/permissions';
import { assertCan, creatorMark, ownsPoint, type Access } from './access';
import { NODE_SELECT, type NodeRow, liveNodeOr404, readGraphWithMakers, toArgNode } from './graph-rows';
import { mapIdOf } from './map-views';

/**
 * `PATCH /api/maps/{slug}/nodes/{id}`: edits the text (guarded by `version`: a stale edit gets 409
 * with the current node, never overwrites) and/or saves the canvas position.
 */
export async function updateNode(slug: string, id: string, input: NodeUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<ArgNode> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const node = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const original = await liveNodeOr404(mapId, id, tx);
    const retype = input.kind !== undefined && input.kind !== original.kind;
    const details = detailsChange(original, input);
    const reworded = input.text !== undefined;
    const moved = input.position !== undefined;
    if (access && (reworded || retype || details)) assertCan(access, ownsPoint(access, original.createdBy) ? 'edit-own' : 'edit-any');
    // Nothing would change (a month it already has, its own kind): nothing is written or logged.
    if (!reworded && !retype && !details && !moved) return toArgNode(original);
    const data: {
      text?: string;
      x?: number | null;
      y?: number | null;
      asOf?: string | null;
      stockIssue?: string | null;
      proposal?: boolean;
      version?: { increment: number };
    } = { ...details };
    if (moved) {
      data.x = input.position?.x ?? null;
      data.y = input.position?.y ?? null;
    }
    // One change, one version: new words and new details together count once.
    if (reworded || details) data.version = { increment: 1 };
    if (reworded) {
      data.text = input.text;
      const { count } = await tx.node.updateMany({ where: { id, mapId, deletedAt: null, version: input.version }, data });
      if (count === 0) {
        throw new AppError('conflict', 'Someone changed this point since you loaded it.', { extra: { current: toArgNode(original) } });
      }
    } else {
      await tx.node.update({ where: { id }, data });
    }
    // After the text, whose version guard is on the version the person saw; the old thesis's change
    // is logged there, this point's in the one event below.
    if (retype) await retypeNode(tx, mapId, await liveNodeOr404(mapId, id, tx), input.kind!, actor, access);
    const updated = toArgNode(await liveNodeOr404(mapId, id, tx));
    // The owner rewording someone else's point is moderation: its earlier words leave the log for
    // everyone but the owner (lib/db/events.ts#redactEvent).
    const moderated =
      access !== undefined &&
      can(access.role, 'moderate') &&
      reworded &&
      input.text !== original.text &&
      creatorMark(access.identity) !== (original.createdBy ?? null);
    // One event per request, `before` the whole request, so the history replay undoes it in one step.
    const before = {
      text: original.text,
      version: original.version,
      position: toArgNode(original).position,
      ...(retype ? { kind: original.kind } : {}),
      ...(details || retype ? { details: detailsOf(original) } : {}),
    };
    await recordEvent(tx, mapId, reworded || retype || details ? 'node.updated' : 'node.moved', actor, {
      node: updated,
      before,
      ...(moderated ? { moderated } : {}),
    });
    return updated;
  });
  announce(mapId);
  return node;
}

/** A point's details as the history keeps them, to put back on undo or replay. */
function detailsOf(row: NodeRow): { asOf: string | null; stockIssue: StockIssue | null; proposal: boolean } {
  return { asOf: row.asOf, stockIssue: row.stockIssue as StockIssue | null, proposal: row.proposal };
}

/**
 * The columns a PATCH of a point's details (its date, stock issue, "proposes a policy") changes, or
 * null when it changes none; refused when they do not fit the point's kind (the kind it is being
 * given in the same request).
 */
function detailsChange(current: NodeRow, input: NodeUpdateInput): { asOf?: string | null; stockIssue?: string | null; proposal?: boolean } | null {
  const kind = (input.kind ?? current.kind) as NodeKind;
  const change: { asOf?: string | null; stockIssue?: string | null; proposal?: boolean } = {};
  if (input.asOf !== undefined && input.asOf !== current.asOf) {
    if (input.asOf !== null && kind === 'thesis') {
      throw new AppError('bad_request', 'The thesis has no date of its own.', {
        issues: [{ path: ['asOf'], message: 'The thesis is judged as of a month; it has no date of its own.' }],
      });
    }
    change.asOf = input.asOf;
  }
  if (input.stockIssue !== undefined && input.stockIssue !== current.stockIssue) {
    const problem = input.stockIssue === null ? null : stockIssueProblem(kind, input.stockIssue);
    if (problem) throw new AppError('bad_request', 'That stock issue does not fit this point.', { issues: [{ path: ['stockIssue'], message: problem }] });
    change.stockIssue = input.stockIssue;
  }
  if (input.proposal !== undefined && input.proposal !== current.proposal) {
    if (input.proposal && kind !== 'thesis') {
      throw new AppError('bad_request', 'Only the thesis proposes a policy.', {
        issues: [{ path: ['proposal'], message: 'Mark the thesis as a policy proposal, not another point.' }],
      });
    }
    change.proposal = input.proposal;
  }
  return Object.keys(change).length > 0 ? change : null;
}

/**
 * Changes a point's kind inside an update's transaction. Objections and rebuttals keep their kind
 * (they enter the map through attacks); an unstated point stays a premise or a claim. Making a point
 * the thesis makes the current thesis a claim, so the map keeps one thesis: that change is logged
 * here, the point's own with the rest of its request.
 */
async function retypeNode(
  tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0],
  mapId: string,
  current: NodeRow,
  kind: RetypableKind,
  actor: Actor,
  access?: Access,
): Promise<void> {
  if (!(RETYPABLE_KINDS as readonly string[]).includes(current.kind)) {
    throw new AppError('bad_request', `${current.kind === 'objection' ? 'An objection' : 'A rebuttal'} keeps its kind: it enters the map by attacking.`, {
      issues: [{ path: ['kind'], message: 'Only the thesis, claims, premises and evidence change kind.' }],
    });
  }
  if (current.implicit && !UNSTATABLE_KINDS.includes(kind)) {
    throw new AppError('bad_request', `An unstated ${current.kind} stays a premise or a claim.`, {
      issues: [{ path: ['kind'], message: 'Only premises and claims can be unstated.' }],
    });
  }
  // The point's own change is logged by the caller, with the rest of its request.
  const changes: { row: NodeRow; kind: RetypableKind; log: boolean }[] = [{ row: current, kind, log: false }];
  if (kind === 'thesis') {
    const thesis = await tx.node.findFirst({ where: { mapId, kind: 'thesis', deletedAt: null, id: { not: current.id } }, select: NODE_SELECT });
    if (thesis) {
      if (access) assertCan(access, ownsPoint(access, thesis.createdBy) ? 'edit-own' : 'edit-any');
      changes.unshift({ row: thesis, kind: 'claim', log: true });
    }
  }
  for (const change of changes) {
    // A thesis bears on no single stock issue and has no date; only a thesis proposes a policy.
    const fits = change.kind === 'thesis' ? { stockIssue: null, asOf: null } : { proposal: false };
    const row = await tx.node.update({ where: { id: change.row.id }, data: { kind: change.kind, ...fits, version: { increment: 1 } }, select: NODE_SELECT });
    if (!change.log) continue;
    await recordEvent(tx, mapId, 'node.updated', actor, {
      node: toArgNode(row),
      before: { text: change.row.text, version: change.row.version, kind: change.row.kind as NodeKind, details: detailsOf(change.row) },
    });
  }
}

/**
 * `DELETE /api/maps/{slug}/nodes/{id}`: soft-deletes the node and its dependents (see
 * {@link dependentsOf}) under one deletion id, which `restoreDeletion` in ./deletions.ts undoes.
 */
export async function deleteNode(slug: string, id: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ deletionId: string; removed: string[] }> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const result = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const node = await liveNodeOr404(mapId, id, tx);
    if (node.kind === 'thesis') {
      throw new AppError('bad_request', 'The thesis cannot be deleted: the whole map rests on it.');
    }
    const { graph, makers } = await readGraphWithMakers(mapId, tx);
    const removed = [id, ...dependentsOf(graph, id)];
    if (access) {
      // Every removed point is live, so the graph's read already says who made each.
      const allOwn = removed.every((removedId) => ownsPoint(access, makers.get(removedId) ?? null));
      if (!allOwn && ownsPoint(access, node.createdBy) && access.role !== 'owner') {
        throw new AppError('forbidden', "Other people's points rest on this one, so only the map's owner can delete it.");
      }
      assertCan(access, allOwn ? 'delete-own' : 'delete-any');
    }
    const deletionId = randomUUID();
    const deletedAt = new Date();
    const deletedBy = access ? creatorMark(access.identity) : null;
    await updateInSlices(removed, (slice) =>
      tx.node.updateMany({ where: { id: { in: slice }, mapId, deletedAt: null }, data: { deletedAt, deletionId, deletedBy } }),
    );
    // The removed part of the graph goes into the log, so the history can show it as it was.
    const gone = new Set(removed);
    const touching = {
      nodes: graph.nodes.filter((n) => gone.has(n.id)),
      inferences: graph.inferences.filter((i) => gone.has(i.conclusion) || i.premises.some((p) => gone.has(p))),
      conflicts: graph.conflicts.filter((c) => gone.has(c.attacker) || ('node' in c.target && gone.has(c.target.node))),
    };
    const touchedInferences = new Set(touching.inferences.map((i) => i.id));
    const touchedConflicts = new Set(touching.conflicts);
    touching.conflicts.push(...graph.conflicts.filter((c) => 'inference' in c.target && touchedInferences.has(c.target.inference) && !touchedConflicts.has(c)));
    await recordEvent(tx, mapId, 'node.deleted', actor, { deletionId, removed, graph: touching });
    return { deletionId, removed };
  });
  announce(mapId);
  return result;
}

/** `PATCH /api/maps/{slug}/inferences/{id}`: sets or clears the scheme a step of reasoning follows. */
export async function updateInference(slug: string, id: string, input: InferenceUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<Inference> {
  const mapId = await mapIdOf(slug);
  const client = await db();
  const inference = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const { graph, makers } = await readGraphWithMakers(mapId, tx);
    const live = graph.inferences.find((i) => i.id === id);
    if (!live) throw new AppError('not_found', `There is no step of reasoning "${id}" on this map.`);
    if (access) {
      // Naming the pattern of someone else's reasoning is the owner's call; one's own step is one's own.
      assertCan(access, live.premises.every((premise) => ownsPoint(access, makers.get(premise) ?? null)) ? 'edit-own' : 'edit-any');
    }
    await tx.inference.update({ where: { id }, data: { scheme: input.scheme } });
    const updated = { ...live, scheme: input.scheme };
    await recordEvent(tx, mapId, 'inference.updated', actor, { inference: updated, before: { scheme: live.scheme } });
    return updated;
  });
  announce(mapId);
  return inference;
}
