import 'server-only';
import { attackEdge, supportEdge, type ArgNode, type FlatEdge, type NodeKind } from '../argument/model';
import { capacitiesUsed, decideAddPoint, type AddPointFacts, type PointTarget } from '../argument/add-point';
import { decideConnection, type NewConnection } from '../argument/connect';
import { CAPACITY } from '../argument/capacity';
import { AppError } from '../validation/app-error';
import { MAP_NODES_MAX } from '../validation/limits';
import { type ConnectionCreateInput, type NodeCreateInput, type PositionsInput } from '../validation/node';
import { mapTransaction } from './client';
import { announce } from './event-bus';
import { NO_ACTOR, recordEventIn, type Actor } from './events';
import { attributedName, creatorMark, type Access } from './access';
import { type NodeRow, mapIdFor, newId, readGraphWithMakersIn, toArgNode } from './graph-rows';
import { CAPACITY_BOUND_SQL, LIVE_CAPACITY_SQL } from './map-capacity';
import { decided } from './refuse';
import type { Sql } from './sql';

/**
 * `POST /api/maps/{slug}/nodes`: adds a node and connects it to its target.
 * - `supports` a node: a new inference, the new node its one premise;
 * - `supports` an inference: the new node joins that inference as a linked premise;
 * - `attacks` a node: a conflict against it; `attacks` an inference: an undercut.
 * The rules are decided by `decideAddPoint` (lib/argument/add-point.ts) from facts read here, inside
 * the write transaction under the map's lock, so a refused request writes nothing.
 */
export async function createNode(
  slug: string,
  input: NodeCreateInput,
  actor: Actor = NO_ACTOR,
  access?: Access,
): Promise<{ node: ArgNode; edge: FlatEdge | null }> {
  // One plain-SQL transaction of kept statements: adding points is what a whole class does at once,
  // and this costs a fraction of the same work as awaited Prisma queries (bench/api.ts).
  const mapId = await mapIdFor(slug, access);
  const { result } = await mapTransaction(mapId, async (sql) => {
    const count = async (query: string, id: string) => (await sql.one<{ n: number }>(query, id))!.n;
    // The facts the rules need (lib/argument/add-point.ts), each read only when the request needs it.
    // Points of the map, deleted ones too (an index count); the live ones are counted only when that reaches the limit.
    const rows = await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ?', mapId);
    const facts: AddPointFacts = {
      livePoints: rows < MAP_NODES_MAX ? rows : await count('SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL', mapId),
      hasThesis:
        input.kind === 'thesis' &&
        (await sql.one(`SELECT 1 FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis' AND "deletedAt" IS NULL LIMIT 1`, mapId)) !== undefined,
      target: input.target === undefined ? undefined : await targetOf(sql, mapId, input.target),
    };
    if (input.question && facts.target !== undefined && facts.target !== 'missing' && 'node' in facts.target) {
      const steps = await sql.all<{ scheme: string | null }>(
        `SELECT i."scheme" FROM "Inference" i JOIN "InferencePremise" p ON p."inferenceId" = i."id" JOIN "Node" c ON c."id" = i."conclusionId"
         WHERE i."mapId" = ? AND i."deletedAt" IS NULL AND p."nodeId" = ? AND c."deletedAt" IS NULL`,
        mapId,
        input.target,
      );
      facts.schemesOfTargetSteps = steps.map((step) => step.scheme);
    }
    if (input.quote) {
      facts.essay = (await sql.one<{ text: string }>(
        'SELECT d."text" FROM "Document" d JOIN "ArgumentMap" m ON m."documentId" = d."id" WHERE m."id" = ?',
        mapId,
      ))!.text;
    }
    facts.room = {};
    for (const { what, of } of capacitiesUsed(input, facts.target)) {
      const id = of === 'map' ? mapId : of;
      const bound = await count(CAPACITY_BOUND_SQL[what], id);
      facts.room[what] = bound < CAPACITY[what] ? bound : await count(LIVE_CAPACITY_SQL[what], id);
    }
    const plan = decided(decideAddPoint(input, facts));
    const quote = plan.quote;
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
    const edge = plan.connection && (await writeConnection(sql, mapId, row.id, plan.connection, input.question ?? null, now));
    await sql.run('UPDATE "ArgumentMap" SET "updatedAt" = ? WHERE "id" = ?', now, mapId);
    const result = { node: toArgNode(row), edge };
    // The critical question an objection raised goes in the log too: progress on tasks counts it.
    await recordEventIn(sql, mapId, 'node.created', { ...actor, name: row.author }, input.question ? { ...result, question: input.question } : result, now);
    return { result };
  });
  announce(mapId);
  return result;
}

/**
 * `POST /api/maps/{slug}/connections`: connects two points already on the map, as decided on the live
 * graph by `decideConnection` (lib/argument/connect.ts) inside the transaction, under the map's lock,
 * and written as adding a point writes its connection: a support makes a new one-premise step or joins
 * `to` when it is a step; an attack makes a conflict (an undercut when `to` is a step).
 */
export async function createConnection(slug: string, input: ConnectionCreateInput, actor: Actor = NO_ACTOR, access?: Access): Promise<{ edge: FlatEdge }> {
  const mapId = await mapIdFor(slug, access);
  const { edge } = await mapTransaction(mapId, async (sql) => {
    const { graph } = await readGraphWithMakersIn(sql, mapId);
    const connection = decided(decideConnection(graph, input.from, input.to, input.relation));
    const now = new Date();
    const edge = await writeConnection(sql, mapId, input.from, connection, null, now);
    await sql.run('UPDATE "ArgumentMap" SET "updatedAt" = ? WHERE "id" = ?', now, mapId);
    await recordEventIn(sql, mapId, 'connection.created', actor, { edge }, now);
    return { edge };
  });
  announce(mapId);
  return { edge };
}

/** The request's target on the live map: an inference whose premises or conclusion were deleted is gone too, though its row remains for Undo. */
async function targetOf(sql: Sql, mapId: string, id: string): Promise<PointTarget> {
  const node = await sql.one<{ id: string; kind: NodeKind }>(
    'SELECT "id", "kind" FROM "Node" WHERE "id" = ? AND "mapId" = ? AND "deletedAt" IS NULL',
    id,
    mapId,
  );
  if (node) return { node };
  const inference = await sql.one<{ id: string; conclusionId: string; scheme: string | null }>(
    `SELECT i."id", i."conclusionId", i."scheme" FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId"
     WHERE i."id" = ? AND i."mapId" = ? AND i."deletedAt" IS NULL AND c."deletedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`,
    id,
    mapId,
  );
  return inference ? { inference: { id: inference.id, conclusion: inference.conclusionId, scheme: inference.scheme } } : 'missing';
}

/** Writes how the new point `from` is connected, and answers its edge. */
async function writeConnection(sql: Sql, mapId: string, from: string, connection: NewConnection, question: string | null, now: Date): Promise<FlatEdge> {
  switch (connection.type) {
    case 'join-step': {
      const position = (await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?', connection.inference))!.n;
      await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, ?)', connection.inference, from, position);
      return supportEdge(connection.inference, from, connection.conclusion);
    }
    case 'new-step': {
      const inference = newId();
      await sql.run('INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)', inference, mapId, connection.conclusion, now);
      await sql.run('INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, 0)', inference, from);
      return supportEdge(inference, from, connection.conclusion);
    }
    case 'attack': {
      const conflict = newId();
      const target = connection.target;
      await sql.run(
        'INSERT INTO "Conflict" ("id", "mapId", "attackerId", "targetNodeId", "targetInferenceId", "question", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        conflict,
        mapId,
        from,
        'node' in target ? target.node : null,
        'inference' in target ? target.inference : null,
        question,
        now,
      );
      return attackEdge(conflict, from, target);
    }
  }
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
  const mapId = await mapIdFor(slug, access);
  await mapTransaction(mapId, async (sql) => {
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
  });
  announce(mapId);
  return { updated: ids.length };
}
