import 'server-only';
import { type ArgNode, type FlatEdge } from '../argument/model';
import { AppError } from '../validation/app-error';
import { MAP_NODES_MAX } from '../validation/limits';
import { type NodeCreateInput, type PositionsInput } from '../validation/node';
import { sqlTransaction } from './client';
import { announce, NO_ACTOR, recordEventIn, type Actor } from './events';
import { attributedName, creatorMark, type Access } from './access';
import { type NodeRow, newId, toArgNode } from './graph-rows';
import { CAPACITY, CAPACITY_BOUND_SQL, type Capacity, LIVE_CAPACITY_SQL, assertRoom } from './map-capacity';

/**
 * `POST /api/maps/{slug}/nodes`: adds a node and connects it to its target.
 * - `supports` a node: a new inference, the new node its one premise;
 * - `supports` an inference: the new node joins that inference as a linked premise;
 * - `attacks` a node: a conflict against it; `attacks` an inference: an undercut.
 * Checks that need the map (target exists, rebuttals answer objections, quote inside the text)
 * happen inside the write transaction, so a refused request writes nothing.
 */
export async function createNode(
  slug: string,
  input: NodeCreateInput,
  actor: Actor = NO_ACTOR,
  access?: Access,
): Promise<{ node: ArgNode; edge: FlatEdge | null }> {
  // One plain-SQL transaction of kept statements: adding points is what a whole class does at once,
  // and this costs a fraction of the same work as awaited Prisma queries (bench/api.ts).
  const { mapId, result } = await sqlTransaction(async (sql) => {
    const mapId = access?.mapId ?? (await sql.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug))?.id;
    if (!mapId) throw new AppError('not_found', `There is no map called "${slug}".`);
    await sql.lockMap(mapId);
    const count = async (query: string, id: string) => (await sql.one<{ n: number }>(query, id))!.n;
    // Points of the map, deleted ones too (an index count); the live ones are counted only when that reaches the limit.
    const rows = await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ?', mapId);
    const live = rows < MAP_NODES_MAX ? rows : await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL', mapId);
    if (live >= MAP_NODES_MAX) {
      throw new AppError('conflict', `This map is full: it holds ${live} points, and a map holds at most ${MAP_NODES_MAX}. Start a new map for the rest.`);
    }
    if (input.kind === 'thesis' && (await sql.one(`SELECT 1 FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis' AND "deletedAt" IS NULL LIMIT 1`, mapId))) {
      throw new AppError('conflict', 'This map already has a thesis. Make a point the thesis from its actions to replace it.', {
        issues: [{ path: ['kind'], message: 'A map has one thesis.' }],
      });
    }
    // Targets are checked against the live graph: an inference whose premises or conclusion were
    // deleted is gone too, even though its row remains for Undo.
    const targetNode =
      input.target === undefined
        ? undefined
        : await sql.one<{ id: string; kind: string }>(
            'SELECT "id", "kind" FROM "Node" WHERE "id" = ? AND "mapId" = ? AND "deletedAt" IS NULL',
            input.target,
            mapId,
          );
    const targetInference =
      targetNode || input.target === undefined
        ? undefined
        : await sql.one<{ id: string; conclusionId: string; scheme: string | null }>(
            `SELECT i."id", i."conclusionId", i."scheme" FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId"
             WHERE i."id" = ? AND i."mapId" = ? AND i."deletedAt" IS NULL AND c."deletedAt" IS NULL
               AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`,
            input.target,
            mapId,
          );
    if (input.target !== undefined && !targetNode && !targetInference) {
      throw new AppError('bad_request', 'The target is not a node or inference of this map.', {
        issues: [{ path: ['target'], message: `No node or inference "${input.target}" on this map.` }],
      });
    }
    if (input.kind === 'rebuttal' && !(targetNode && (targetNode.kind === 'objection' || targetNode.kind === 'rebuttal'))) {
      throw new AppError('bad_request', 'A rebuttal answers an objection.', {
        issues: [{ path: ['target'], message: 'Choose an objection (or another rebuttal) to rebut.' }],
      });
    }
    if (input.question) {
      const scheme = input.question.split('.')[0];
      const steps = targetInference
        ? [targetInference]
        : await sql.all<{ scheme: string | null }>(
            `SELECT i."scheme" FROM "Inference" i JOIN "InferencePremise" p ON p."inferenceId" = i."id" JOIN "Node" c ON c."id" = i."conclusionId"
             WHERE i."mapId" = ? AND i."deletedAt" IS NULL AND p."nodeId" = ? AND c."deletedAt" IS NULL`,
            mapId,
            input.target,
          );
      if (!steps.some((i) => i.scheme === scheme)) {
        throw new AppError('bad_request', 'That critical question does not belong to the step it is raised against.', {
          issues: [{ path: ['question'], message: `No step here follows the "${scheme}" scheme.` }],
        });
      }
    }
    let quote: { start: number; end: number; text: string } | null = null;
    if (input.quote) {
      const { text: essay } = (await sql.one<{ text: string }>(
        'SELECT d."text" FROM "Document" d JOIN "ArgumentMap" m ON m."documentId" = d."id" WHERE m."id" = ?',
        mapId,
      ))!;
      const { start, end } = input.quote;
      if (end > essay.length) {
        throw new AppError('bad_request', 'The quote is outside the essay.', {
          issues: [{ path: ['quote', 'end'], message: `The essay has ${essay.length} characters; end is ${end}.` }],
        });
      }
      const text = essay.slice(start, end);
      if (text.trim().length === 0) {
        throw new AppError('bad_request', 'The quote is empty.', { issues: [{ path: ['quote'], message: 'Select some words of the essay.' }] });
      }
      quote = { start, end, text };
    }
    const now = new Date();
    const row: NodeRow = {
      id: newId(),
      kind: input.kind,
      text: input.text,
      quoteStart: quote?.start ?? null,
      quoteEnd: quote?.end ?? null,
      quoteText: quote?.text ?? null,
      implicit: input.implicit ?? false,
      asOf: input.asOf ?? null,
      stockIssue: input.stockIssue ?? null,
      proposal: false,
      // On maps with members the name comes from who is signed in or joined, never from the body.
      author: access ? attributedName(access, input.author) : input.author?.trim() || 'Anonymous',
      x: null,
      y: null,
      version: 1,
      createdBy: access ? creatorMark(access.identity) : null,
    };
    await sql.run(
      `INSERT INTO "Node" ("id", "mapId", "kind", "text", "quoteStart", "quoteEnd", "quoteText", "implicit", "asOf", "stockIssue", "author", "version", "createdAt", "updatedAt", "createdBy")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      row.id,
      mapId,
      row.kind,
      row.text,
      row.quoteStart,
      row.quoteEnd,
      row.quoteText,
      row.implicit,
      row.asOf,
      row.stockIssue,
      row.author,
      now,
      now,
      row.createdBy,
    );
    let edge: FlatEdge | null = null;
    const liveCount = async (what: Capacity, id: string) => {
      const bound = await count(CAPACITY_BOUND_SQL[what], id);
      return bound < CAPACITY[what] ? bound : count(LIVE_CAPACITY_SQL[what], id);
    };
    if (input.relation === 'supports') {
      assertRoom('links', await liveCount('links', mapId));
      if (targetInference) {
        assertRoom('premises', await liveCount('premises', targetInference.id));
        const n = await count('SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?', targetInference.id);
        await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, ?)', targetInference.id, row.id, n);
        edge = { id: `${targetInference.id}~${row.id}`, from: row.id, to: targetInference.conclusionId, relation: 'supports', inference: targetInference.id };
      } else {
        assertRoom('steps', await liveCount('steps', mapId));
        const inferenceId = newId();
        await sql.run('INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)', inferenceId, mapId, targetNode!.id, now);
        await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, 0)', inferenceId, row.id);
        edge = { id: `${inferenceId}~${row.id}`, from: row.id, to: targetNode!.id, relation: 'supports', inference: inferenceId };
      }
    } else if (input.relation === 'attacks') {
      assertRoom('attacks', await liveCount('attacks', mapId));
      const conflictId = newId();
      await sql.run(
        'INSERT INTO "Conflict" ("id", "mapId", "attackerId", "targetNodeId", "targetInferenceId", "question", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        conflictId,
        mapId,
        row.id,
        targetNode?.id ?? null,
        targetInference?.id ?? null,
        input.question ?? null,
        now,
      );
      edge = targetInference
        ? {
            id: conflictId,
            from: row.id,
            to: targetInference.conclusionId,
            relation: 'attacks',
            undercut: true,
            conflict: conflictId,
            inference: targetInference.id,
          }
        : { id: conflictId, from: row.id, to: targetNode!.id, relation: 'attacks', conflict: conflictId };
    }
    await sql.run('UPDATE "ArgumentMap" SET "updatedAt" = ? WHERE "id" = ?', now, mapId);
    const result = { node: toArgNode(row), edge };
    // The critical question an objection raised goes in the log too: progress on tasks counts it.
    await recordEventIn(sql, mapId, 'node.created', { ...actor, name: row.author }, input.question ? { ...result, question: input.question } : result, now);
    return { mapId, result };
  });
  announce(mapId);
  return result;
}

/** Points moved per UPDATE by {@link savePositions} (three bound values each). */
const POSITIONS_BATCH = 300;

/**
 * `PUT /api/maps/{slug}/positions`: saves (or, with null, clears) many node positions at once — up to
 * every point of the largest map ("Tidy layout"). One transaction, one UPDATE per batch of points
 * (from a VALUES list, which both databases read alike); a point that is not live on this map rolls
 * the whole batch back.
 */
export async function savePositions(slug: string, input: PositionsInput, actor: Actor = NO_ACTOR, access?: Access): Promise<{ updated: number }> {
  const ids = Object.keys(input.positions);
  const { mapId } = await sqlTransaction(async (sql) => {
    const mapId = access?.mapId ?? (await sql.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug))?.id;
    if (!mapId) throw new AppError('not_found', `There is no map called "${slug}".`);
    await sql.lockMap(mapId);
    const now = new Date();
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += POSITIONS_BATCH) {
      const batch = ids.slice(i, i + POSITIONS_BATCH);
      const values = batch.map(() => '(?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))').join(', ');
      const moved = await sql.run(
        `UPDATE "Node" SET "x" = v.column2, "y" = v.column3, "updatedAt" = ? FROM (VALUES ${values}) AS v
         WHERE "Node"."id" = v.column1 AND "Node"."mapId" = ? AND "Node"."deletedAt" IS NULL`,
        now,
        ...batch.flatMap((id) => [id, input.positions[id]?.x ?? null, input.positions[id]?.y ?? null]),
        mapId,
      );
      if (moved < batch.length) {
        const list = sql.among('"id"', batch);
        const live = new Set(
          (await sql.all<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL AND ${list.sql}`, mapId, list.value)).map(
            (r) => r.id,
          ),
        );
        missing.push(...batch.filter((id) => !live.has(id)));
      }
    }
    if (missing.length > 0) {
      throw new AppError('bad_request', 'Some nodes are not on this map.', {
        issues: missing.map((id) => ({ path: ['positions', id], message: `No node "${id}" on this map.` })),
      });
    }
    await recordEventIn(sql, mapId, 'positions.saved', actor, { positions: input.positions }, now);
    return { mapId };
  });
  announce(mapId);
  return { updated: ids.length };
}
