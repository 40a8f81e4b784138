import 'server-only';
import { randomUUID } from 'node:crypto';
import type { StoredPoint } from '../argument/delete-point';
import { pruneGraph } from '../argument/graph';
import { type ArgNode, type ArgumentGraph, type Conflict, type NodeKind, type StockIssue } from '../argument/model';
import { AppError } from '../validation/app-error';
import { db, sqlRead } from './client';
import type { Sql } from './sql';
import type { Access } from './access';

/*
 * The argument's rows read into the graph, in plain SQL on either database: the one reader every
 * read and write of the argument uses.
 */

/** A new row id: as unique as Prisma's cuids, and like them safe in URLs. */
export function newId(): string {
  return `c${randomUUID().replaceAll('-', '')}`;
}

/** A point's row as read: the columns the API shows (nothing else leaves the database) and who made it. */
export type NodeRow = {
  createdBy?: string | null;
  id: string;
  kind: string;
  text: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  quoteText: string | null;
  implicit: boolean;
  asOf: string | null;
  stockIssue: string | null;
  proposal: boolean;
  author: string;
  x: number | null;
  y: number | null;
  version: number;
};

export function toArgNode(row: NodeRow): ArgNode {
  return {
    id: row.id,
    kind: row.kind as NodeKind,
    text: row.text,
    quote:
      row.quoteStart !== null && row.quoteEnd !== null && row.quoteText !== null ? { start: row.quoteStart, end: row.quoteEnd, text: row.quoteText } : null,
    implicit: row.implicit,
    asOf: row.asOf,
    stockIssue: row.stockIssue as StockIssue | null,
    proposal: row.proposal,
    author: row.author,
    position: row.x !== null && row.y !== null ? { x: row.x, y: row.y } : null,
    version: row.version,
  };
}

export async function findMapOr404(slug: string) {
  const client = await db();
  const map = await client.argumentMap.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      policy: true,
      className: true,
      document: { select: { slug: true, title: true, author: true, source: true, published: true, text: true } },
    },
  });
  if (!map) throw new AppError('not_found', `There is no map called "${slug}".`);
  return map;
}

/** The node columns of {@link NodeRow}, for plain SQL. */
const NODE_COLUMNS =
  '"id", "kind", "text", "quoteStart", "quoteEnd", "quoteText", "implicit", "asOf", "stockIssue", "proposal", "author", "x", "y", "version", "createdBy"';

/** Booleans as either database gives them (SQLite 0/1, PostgreSQL true/false). */
type RawNodeRow = Omit<NodeRow, 'implicit' | 'proposal'> & { implicit: boolean | number; proposal: boolean | number };
const nodeRowOf = <R extends RawNodeRow>(row: R): R & NodeRow => ({ ...row, implicit: Boolean(row.implicit), proposal: Boolean(row.proposal) });

type ConflictRow = { id: string; attackerId: string; targetNodeId: string | null; targetInferenceId: string | null; question: string | null };

/** The map's id: from the access already resolved, or by its slug (404 when there is none). */
export async function mapIdFor(slug: string, access?: Access): Promise<string> {
  if (access) return access.mapId;
  const row = await sqlRead((sql) => sql.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug));
  if (!row) throw new AppError('not_found', `There is no map called "${slug}".`);
  return row.id;
}

/** The live graph of a map by its internal id (for copies and exports), read in one snapshot. */
export async function readGraphOf(mapId: string): Promise<ArgumentGraph> {
  return (await sqlRead((sql) => readGraphWithMakersIn(sql, mapId))).graph;
}

/**
 * The live graph of a map and, for each live point, who made it (`createdBy`), read through `sql`:
 * a `sqlRead`'s snapshot, or a `sqlTransaction` after its `lockMap`. Deleted points disappear, and
 * with them whatever can no longer stand: a step whose conclusion is gone or that has no premise
 * left, an attack whose attacker or target is gone. Nothing else is written on delete, so restoring
 * the points brings all of it back.
 */
export async function readGraphWithMakersIn(sql: Sql, mapId: string): Promise<{ graph: ArgumentGraph; makers: Map<string, string | null> }> {
  const nodeRows = (
    await sql.all<RawNodeRow>(`SELECT ${NODE_COLUMNS} FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`, mapId)
  ).map(nodeRowOf);
  const makers = new Map(nodeRows.map((row) => [row.id, row.createdBy ?? null]));
  const graph = pruneGraph({ nodes: nodeRows.map(toArgNode), ...(await stepsAndAttacksIn(sql, mapId)) });
  return { graph, makers };
}

/** The map's steps (with their premises, in order) and attacks that are not deleted themselves, oldest first. */
async function stepsAndAttacksIn(sql: Sql, mapId: string): Promise<Pick<ArgumentGraph, 'inferences' | 'conflicts'>> {
  const inferenceRows = await sql.all<{ id: string; conclusionId: string; scheme: string | null }>(
    'SELECT "id", "conclusionId", "scheme" FROM "Inference" WHERE "mapId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"',
    mapId,
  );
  const premiseRows = await sql.all<{ inferenceId: string; nodeId: string }>(
    `SELECT p."inferenceId", p."nodeId" FROM "InferencePremise" p JOIN "Inference" i ON i."id" = p."inferenceId"
     WHERE i."mapId" = ? AND i."deletedAt" IS NULL ORDER BY p."inferenceId", p."position"`,
    mapId,
  );
  const conflictRows = await sql.all<ConflictRow>(
    'SELECT "id", "attackerId", "targetNodeId", "targetInferenceId", "question" FROM "Conflict" WHERE "mapId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"',
    mapId,
  );
  const premisesOf = new Map<string, string[]>();
  for (const row of premiseRows) {
    const list = premisesOf.get(row.inferenceId);
    if (list) list.push(row.nodeId);
    else premisesOf.set(row.inferenceId, [row.nodeId]);
  }
  return {
    inferences: inferenceRows.map((row) => ({ id: row.id, conclusion: row.conclusionId, premises: premisesOf.get(row.id) ?? [], scheme: row.scheme })),
    conflicts: conflictRows.flatMap((row): Conflict[] => {
      const question = row.question ?? undefined;
      if (row.targetNodeId !== null) return [{ id: row.id, attacker: row.attackerId, target: { node: row.targetNodeId }, question }];
      if (row.targetInferenceId !== null) return [{ id: row.id, attacker: row.attackerId, target: { inference: row.targetInferenceId }, question }];
      return [];
    }),
  };
}

/**
 * The live points of a map whose `column` holds `value`, as rows, oldest first, inside a
 * `sqlTransaction` (after its `lockMap`): a point by its id, the thesis by its kind.
 */
export async function liveNodeRowsIn(sql: Sql, mapId: string, column: 'id' | 'kind', value: string): Promise<NodeRow[]> {
  const rows = await sql.all<RawNodeRow>(
    `SELECT ${NODE_COLUMNS} FROM "Node" WHERE "mapId" = ? AND "${column}" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    mapId,
    value,
  );
  return rows.map(nodeRowOf);
}

/**
 * Everything stored of a map's argument inside a `sqlTransaction` (after its `lockMap`), none of it
 * pruned: every point, deleted ones too, with the delete each is in; every step with all its
 * premises; every attack. What Undo decides on (lib/argument/delete-point.ts).
 */
export async function readStoredGraphIn(sql: Sql, mapId: string): Promise<{ graph: ArgumentGraph; points: Map<string, StoredPoint> }> {
  const nodeRows = (
    await sql.all<RawNodeRow & { deletedAt: unknown; deletionId: string | null; deletedBy: string | null }>(
      `SELECT ${NODE_COLUMNS}, "deletedAt", "deletionId", "deletedBy" FROM "Node" WHERE "mapId" = ? ORDER BY "createdAt", "id"`,
      mapId,
    )
  ).map(nodeRowOf);
  const graph: ArgumentGraph = { nodes: nodeRows.map(toArgNode), ...(await stepsAndAttacksIn(sql, mapId)) };
  const points = new Map(
    nodeRows.map((row): [string, StoredPoint] => [
      row.id,
      { deleted: row.deletedAt !== null, deletionId: row.deletionId, createdBy: row.createdBy ?? null, deletedBy: row.deletedBy },
    ]),
  );
  return { graph, points };
}
