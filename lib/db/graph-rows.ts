import 'server-only';
import type { Sql } from './sql';
import { randomUUID } from 'node:crypto';
import type { StoredPoint } from '../argument/delete-point';
import { pruneGraph } from '../argument/graph';
import { type ArgNode, type ArgumentGraph, type Conflict, type NodeKind, type StockIssue } from '../argument/model';
import { AppError } from '../validation/app-error';
import type { PrismaClient } from '@/generated/prisma/client';
import { db } from './client';

/** A new row id: as unique as Prisma's cuids, and like them safe in URLs. */
export function newId(): string {
  return `c${randomUUID().replaceAll('-', '')}`;
}

/** The columns of a node row that the API shows; nothing else leaves the database. */
export const NODE_SELECT = {
  id: true,
  kind: true,
  text: true,
  quoteStart: true,
  quoteEnd: true,
  quoteText: true,
  implicit: true,
  asOf: true,
  stockIssue: true,
  proposal: true,
  author: true,
  x: true,
  y: true,
  version: true,
  deletedAt: true,
  createdBy: true,
} as const;

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

/** The client, or the transaction client inside `$transaction`. */
type Reader = Pick<PrismaClient, 'node' | 'inference' | 'conflict'>;

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

/**
 * Reads the live graph of a map. Deleted nodes disappear, and with them whatever can no longer
 * stand: an inference whose conclusion is gone or that has no premise left, a conflict whose
 * attacker or target is gone. Nothing else is written on delete, so restoring the nodes brings
 * all of it back.
 */
export async function readGraph(mapId: string, reader?: Reader): Promise<ArgumentGraph> {
  return (await readGraphWithMakers(mapId, reader)).graph;
}

/** The live graph and, for each live node, who made it (`createdBy`), from the same one read. */
export async function readGraphWithMakers(mapId: string, reader?: Reader): Promise<{ graph: ArgumentGraph; makers: Map<string, string | null> }> {
  const client = reader ?? (await db());
  const [nodeRows, inferenceRows, conflictRows] = await Promise.all([
    client.node.findMany({ where: { mapId, deletedAt: null }, select: NODE_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    client.inference.findMany({
      where: { mapId, deletedAt: null },
      select: { id: true, conclusionId: true, scheme: true, premises: { select: { nodeId: true }, orderBy: { position: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    client.conflict.findMany({
      where: { mapId, deletedAt: null },
      select: { id: true, attackerId: true, targetNodeId: true, targetInferenceId: true, question: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return liveGraphOf(
    nodeRows,
    inferenceRows.map((row) => ({ ...row, premises: row.premises.map((p) => p.nodeId) })),
    conflictRows,
  );
}

/** The live graph of a map by its internal id (for copies and exports). */
export async function readGraphOf(mapId: string): Promise<ArgumentGraph> {
  return readGraph(mapId);
}

export async function liveNodeOr404(mapId: string, id: string, reader?: Pick<PrismaClient, 'node'>) {
  const client = reader ?? (await db());
  const row = await client.node.findFirst({ where: { id, mapId, deletedAt: null }, select: NODE_SELECT });
  if (!row) throw new AppError('not_found', `There is no node "${id}" on this map.`);
  return row;
}

/** The node columns of {@link NODE_SELECT}, for plain SQL. */
const NODE_COLUMNS =
  '"id", "kind", "text", "quoteStart", "quoteEnd", "quoteText", "implicit", "asOf", "stockIssue", "proposal", "author", "x", "y", "version", "createdBy"';

/**
 * {@link readGraphWithMakers} in plain SQL, inside a `sqlTransaction` (after its `lockMap`): the live
 * graph as every other read sees it (`pruneGraph`), in the order it was written.
 */
export async function readGraphWithMakersIn(sql: Sql, mapId: string): Promise<{ graph: ArgumentGraph; makers: Map<string, string | null> }> {
  const nodeRows = await sql.all<NodeRow & { implicit: boolean | number; proposal: boolean | number }>(
    `SELECT ${NODE_COLUMNS} FROM "Node" WHERE "mapId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    mapId,
  );
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
  return liveGraphOf(
    nodeRows.map((row) => ({ ...row, implicit: Boolean(row.implicit), proposal: Boolean(row.proposal) })),
    inferenceRows.map((row) => ({ ...row, premises: premisesOf.get(row.id) ?? [] })),
    conflictRows,
  );
}

type ConflictRow = { id: string; attackerId: string; targetNodeId: string | null; targetInferenceId: string | null; question: string | null };

/** The live graph (`pruneGraph`) and who made each live point, from the rows either reader read. */
function liveGraphOf(
  nodeRows: NodeRow[],
  inferenceRows: { id: string; conclusionId: string; scheme: string | null; premises: string[] }[],
  conflictRows: ConflictRow[],
): { graph: ArgumentGraph; makers: Map<string, string | null> } {
  const makers = new Map(nodeRows.map((row) => [row.id, row.createdBy ?? null]));
  const graph = pruneGraph({
    nodes: nodeRows.map(toArgNode),
    inferences: inferenceRows.map((row) => ({ id: row.id, conclusion: row.conclusionId, premises: row.premises, scheme: row.scheme })),
    conflicts: conflictRows.flatMap((row): Conflict[] => {
      const question = row.question ?? undefined;
      if (row.targetNodeId !== null) return [{ id: row.id, attacker: row.attackerId, target: { node: row.targetNodeId }, question }];
      if (row.targetInferenceId !== null) return [{ id: row.id, attacker: row.attackerId, target: { inference: row.targetInferenceId }, question }];
      return [];
    }),
  });
  return { graph, makers };
}

/**
 * The live points of a map whose `column` holds `value`, as rows (the {@link NODE_SELECT} columns),
 * oldest first, in plain SQL inside a `sqlTransaction` (after its `lockMap`): a point by its id, the
 * thesis by its kind.
 */
export async function liveNodeRowsIn(sql: Sql, mapId: string, column: 'id' | 'kind', value: string): Promise<NodeRow[]> {
  const rows = await sql.all<NodeRow & { implicit: boolean | number; proposal: boolean | number }>(
    `SELECT ${NODE_COLUMNS} FROM "Node" WHERE "mapId" = ? AND "${column}" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    mapId,
    value,
  );
  return rows.map((row) => ({ ...row, implicit: Boolean(row.implicit), proposal: Boolean(row.proposal) }));
}

/**
 * Everything stored of a map's argument, in plain SQL inside a `sqlTransaction` (after its
 * `lockMap`), none of it pruned: every point, deleted ones too, with the delete each is in; every
 * step with all its premises; every attack. What Undo decides on (lib/argument/delete-point.ts).
 */
export async function readStoredGraphIn(sql: Sql, mapId: string): Promise<{ graph: ArgumentGraph; points: Map<string, StoredPoint> }> {
  const nodeRows = await sql.all<
    NodeRow & { implicit: boolean | number; proposal: boolean | number; deletedAt: unknown; deletionId: string | null; deletedBy: string | null }
  >(`SELECT ${NODE_COLUMNS}, "deletedAt", "deletionId", "deletedBy" FROM "Node" WHERE "mapId" = ? ORDER BY "createdAt", "id"`, mapId);
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
  const graph: ArgumentGraph = {
    nodes: nodeRows.map((row) => toArgNode({ ...row, implicit: Boolean(row.implicit), proposal: Boolean(row.proposal) })),
    inferences: inferenceRows.map((row) => ({ id: row.id, conclusion: row.conclusionId, premises: premisesOf.get(row.id) ?? [], scheme: row.scheme })),
    conflicts: conflictRows.flatMap((row): Conflict[] => {
      const question = row.question ?? undefined;
      if (row.targetNodeId !== null) return [{ id: row.id, attacker: row.attackerId, target: { node: row.targetNodeId }, question }];
      if (row.targetInferenceId !== null) return [{ id: row.id, attacker: row.attackerId, target: { inference: row.targetInferenceId }, question }];
      return [];
    }),
  };
  const points = new Map(
    nodeRows.map((row): [string, StoredPoint] => [
      row.id,
      { deleted: row.deletedAt !== null, deletionId: row.deletionId, createdBy: row.createdBy ?? null, deletedBy: row.deletedBy },
    ]),
  );
  return { graph, points };
}
