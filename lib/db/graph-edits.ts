import 'server-only';
import { randomUUID } from 'node:crypto';
import { decideDeletePoint } from '../argument/delete-point';
import { decideEditPoint, type MadePoint, type PointChange } from '../argument/edit-point';
import type { ArgNode, Inference } from '../argument/model';
import type { Checked, Person } from '../argument/person';
import { decideSetScheme } from '../argument/set-scheme';
import { AppError } from '../validation/app-error';
import { stockIssueProblem, type InferenceUpdateInput, type NodeUpdateInput } from '../validation/node';
import { mapTransaction } from './client';
import { announce } from './event-bus';
import { NO_ACTOR, recordEventIn, type Actor } from './events';
import { assertCan, creatorMark, ownsPoint, type Access } from './access';
import { liveNodeRowsIn, mapIdFor, readGraphWithMakersIn, toArgNode } from './graph-rows';
import { decided } from './refuse';
import type { Sql } from './sql';

/**
 * Editing, retyping and deleting points and naming a step's scheme: each decided by the pure rules of
 * lib/argument (edit-point.ts, delete-point.ts, set-scheme.ts) on facts read in one plain-SQL
 * transaction, after the map's lock, and written and logged in the same transaction.
 */

/** Who asks, as the rules of lib/argument need it; undefined without access (nothing is checked). */
export function personOf(access: Access | undefined): Person | undefined {
  return access && { role: access.role, mark: creatorMark(access.identity), openMap: access.policy === 'open', owns: (maker) => ownsPoint(access, maker) };
}

/** The decision's value; or its refusal thrown; or the action it found the person's role lacking, refused in `assertCan`'s words (401 or 403). */
export function allowed<T>(decision: Checked<T>, access: Access | undefined): T {
  if (!decision.ok && 'lacks' in decision) {
    // Only found lacking when someone is asking and their role does not allow it: this throws.
    if (access) assertCan(access, decision.lacks);
    throw new Error(`The rules found "${decision.lacks}" lacking without anyone asking.`);
  }
  return decided(decision);
}

/** A live point and who made it, read by id or (the thesis) by kind; undefined when there is none. */
async function madePoint(sql: Sql, mapId: string, column: 'id' | 'kind', value: string, except?: string): Promise<MadePoint | undefined> {
  const row = (await liveNodeRowsIn(sql, mapId, column, value)).find((r) => r.id !== except);
  return row && { node: toArgNode(row), maker: row.createdBy ?? null };
}

/** Writes a point as a change leaves it, if it still has the version the change was decided on; answers whether it did. */
async function writePoint(sql: Sql, change: PointChange, now: Date): Promise<boolean> {
  const { node } = change;
  const position = change.moved ? ', "x" = ?, "y" = ?' : '';
  const written = await sql.run(
    `UPDATE "Node" SET "text" = ?, "kind" = ?, "asOf" = ?, "stockIssue" = ?, "proposal" = ?, "version" = ?, "updatedAt" = ?${position}
     WHERE "id" = ? AND "version" = ? AND "deletedAt" IS NULL`,
    node.text,
    node.kind,
    node.asOf ?? null,
    node.stockIssue ?? null,
    node.proposal ?? false,
    node.version,
    now,
    ...(change.moved ? [node.position?.x ?? null, node.position?.y ?? null] : []),
    node.id,
    change.version,
  );
  return written === 1;
}

/**
 * `PATCH /api/maps/{slug}/nodes/{id}`: edits the text (guarded by `version`: a stale edit gets 409
 * with the current node, never overwrites), the details or the kind, and/or saves the canvas
 * position, as `decideEditPoint` (lib/argument/edit-point.ts) decides. One event per request; making a
 * point the thesis logs the old thesis's change first.
 */
export async function updateNode(slug: string, id: string, input: NodeUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<ArgNode> {
  const mapId = await mapIdFor(slug, access);
  const { node, changed } = await mapTransaction(mapId, async (sql) => {
    const point = await madePoint(sql, mapId, 'id', id);
    const becomesThesis = point !== undefined && input.kind === 'thesis' && point.node.kind !== 'thesis';
    const thesis = becomesThesis ? await madePoint(sql, mapId, 'kind', 'thesis', id) : undefined;
    const stale = (current: ArgNode) => new AppError('conflict', 'Someone changed this point since you loaded it.', { extra: { current } });
    const decision = decideEditPoint(id, input, { point, thesis, person: personOf(access), stockIssueProblem });
    // The one conflict an edit meets is a stale version: answered with the point as it is now.
    if (!decision.ok && 'refusal' in decision && decision.refusal.code === 'conflict') throw stale(point!.node);
    const plan = allowed(decision, access);
    if (!plan.event) return { node: plan.point.node, changed: false };
    const now = new Date();
    if (plan.demoted) {
      await writePoint(sql, plan.demoted.change, now);
      await recordEventIn(sql, mapId, 'node.updated', actor, plan.demoted.event, now);
    }
    if (!(await writePoint(sql, plan.point, now))) throw stale(point!.node);
    const event = plan.event;
    if (event.type === 'node.updated') await recordEventIn(sql, mapId, event.type, actor, event.data, now);
    else await recordEventIn(sql, mapId, event.type, actor, event.data, now);
    return { node: plan.point.node, changed: true };
  });
  if (changed) announce(mapId);
  return node;
}

/**
 * `DELETE /api/maps/{slug}/nodes/{id}`: soft-deletes the node and its dependents, as
 * `decideDeletePoint` (lib/argument/delete-point.ts) decides on the live graph, under one deletion
 * id, which `restoreDeletion` in ./deletions.ts undoes.
 */
export async function deleteNode(slug: string, id: string, actor: Actor = NO_ACTOR, access?: Access): Promise<{ deletionId: string; removed: string[] }> {
  const mapId = await mapIdFor(slug, access);
  const { result } = await mapTransaction(mapId, async (sql) => {
    const { graph, makers } = await readGraphWithMakersIn(sql, mapId);
    const plan = allowed(decideDeletePoint(graph, makers, id, personOf(access)), access);
    const deletionId = randomUUID();
    const now = new Date();
    const removed = sql.among('"id"', plan.removed);
    await sql.run(
      `UPDATE "Node" SET "deletedAt" = ?, "deletionId" = ?, "deletedBy" = ?, "updatedAt" = ? WHERE "mapId" = ? AND "deletedAt" IS NULL AND ${removed.sql}`,
      now,
      deletionId,
      access ? creatorMark(access.identity) : null,
      now,
      mapId,
      removed.value,
    );
    const result = { deletionId, removed: plan.removed };
    await recordEventIn(sql, mapId, 'node.deleted', actor, { ...result, graph: plan.graph }, now);
    return { result };
  });
  announce(mapId);
  return result;
}

/** `PATCH /api/maps/{slug}/inferences/{id}`: sets or clears the scheme a step of reasoning follows, as `decideSetScheme` (lib/argument/set-scheme.ts) decides. */
export async function updateInference(slug: string, id: string, input: InferenceUpdateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<Inference> {
  const mapId = await mapIdFor(slug, access);
  const { inference } = await mapTransaction(mapId, async (sql) => {
    const { graph, makers } = await readGraphWithMakersIn(sql, mapId);
    const event = allowed(decideSetScheme(graph, makers, id, input.scheme, personOf(access)), access);
    const now = new Date();
    await sql.run('UPDATE "Inference" SET "scheme" = ? WHERE "id" = ?', input.scheme, id);
    await recordEventIn(sql, mapId, 'inference.updated', actor, event, now);
    return { inference: event.inference };
  });
  announce(mapId);
  return inference;
}
