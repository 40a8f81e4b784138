// Writes a graph into the database for a new map. Shared by the seed script (prisma/seed/index.ts,
// run by tsx outside Next), class copies (lib/db/classes.ts) and map import (lib/db/import.ts), so it
// imports neither 'server-only' nor the app's client: it writes through whatever transaction client
// or connection it is given.
import type { Prisma } from '../../generated/prisma/client';
import type { ArgumentGraph } from '../argument/model';
import type { Sql } from './sql';

/** The part of a (transaction) client that {@link writeGraph} uses. */
export type GraphWriter = Pick<Prisma.TransactionClient, 'node' | 'inference' | 'inferencePremise' | 'conflict'>;

/** The stored id of a graph's node, inference or conflict (they are three id spaces in a graph). */
export type IdOf = (entity: 'node' | 'inference' | 'conflict', id: string) => string;

/** Rows per `createMany`, well under SQLite's limit on bound values per statement. */
const BATCH = 500;

/**
 * Writes every node, inference (with its premises, in order) and conflict of `graph` into map
 * `mapId`, under the ids `idOf` gives. Rows get distinct creation times, one millisecond apart
 * from `start` in graph order, so the map reads back in the order it was written. Run it inside a
 * transaction: it writes many rows and assumes none of the ids exist.
 */
export async function writeGraph(tx: GraphWriter, mapId: string, graph: ArgumentGraph, idOf: IdOf, start = Date.now()): Promise<void> {
  const at = (i: number) => new Date(start + i);
  for (const rows of batches(graph.nodes)) {
    await tx.node.createMany({
      data: rows.map(({ item: node, index }) => ({
        id: idOf('node', node.id),
        mapId,
        kind: node.kind,
        text: node.text,
        quoteStart: node.quote?.start ?? null,
        quoteEnd: node.quote?.end ?? null,
        quoteText: node.quote?.text ?? null,
        implicit: node.implicit,
        asOf: node.asOf ?? null,
        stockIssue: node.stockIssue ?? null,
        proposal: node.proposal ?? false,
        author: node.author,
        x: node.position?.x ?? null,
        y: node.position?.y ?? null,
        createdAt: at(index),
      })),
    });
  }
  for (const rows of batches(graph.inferences)) {
    await tx.inference.createMany({
      data: rows.map(({ item: inference, index }) => ({
        id: idOf('inference', inference.id),
        mapId,
        conclusionId: idOf('node', inference.conclusion),
        scheme: inference.scheme,
        createdAt: at(index),
      })),
    });
  }
  const premises = graph.inferences.flatMap((inference) =>
    inference.premises.map((nodeId, position) => ({ inferenceId: idOf('inference', inference.id), nodeId: idOf('node', nodeId), position })),
  );
  for (const rows of batches(premises)) await tx.inferencePremise.createMany({ data: rows.map(({ item }) => item) });
  for (const rows of batches(graph.conflicts)) {
    await tx.conflict.createMany({
      data: rows.map(({ item: conflict, index }) => ({
        id: idOf('conflict', conflict.id),
        mapId,
        attackerId: idOf('node', conflict.attacker),
        targetNodeId: 'node' in conflict.target ? idOf('node', conflict.target.node) : null,
        targetInferenceId: 'inference' in conflict.target ? idOf('inference', conflict.target.inference) : null,
        question: conflict.question ?? null,
        createdAt: at(index),
      })),
    });
  }
}

/** Rows per multi-row INSERT of {@link writeGraphIn}: 16 values a node row, well under either database's limit on bound values. */
const SQL_BATCH = 200;

/**
 * Writes the same rows as {@link writeGraph} in plain SQL, inside the caller's transaction
 * (`sqlTransaction` in ./client), a batch of rows per statement. Prisma's `createMany` cost about a
 * millisecond a row, and on SQLite the transaction holds the process's one connection all that time
 * (every other request waits): a largest import, some 35,000 rows, took half a minute that way and
 * takes a fraction of a second this way; on PostgreSQL, batches keep the round trips few.
 */
export async function writeGraphIn(sql: Sql, mapId: string, graph: ArgumentGraph, idOf: IdOf, start = Date.now()): Promise<void> {
  const at = (i: number) => new Date(start + i);
  await insertRows(
    sql,
    '"Node" ("id", "mapId", "kind", "text", "quoteStart", "quoteEnd", "quoteText", "implicit", "asOf", "stockIssue", "proposal", "author", "x", "y", "version", "createdAt", "updatedAt")',
    graph.nodes.map((n, i) => [
      idOf('node', n.id),
      mapId,
      n.kind,
      n.text,
      n.quote?.start ?? null,
      n.quote?.end ?? null,
      n.quote?.text ?? null,
      n.implicit,
      n.asOf ?? null,
      n.stockIssue ?? null,
      n.proposal ?? false,
      n.author,
      n.position?.x ?? null,
      n.position?.y ?? null,
      1,
      at(i),
      at(i),
    ]),
  );
  await insertRows(
    sql,
    '"Inference" ("id", "mapId", "conclusionId", "scheme", "createdAt")',
    graph.inferences.map((inf, i) => [idOf('inference', inf.id), mapId, idOf('node', inf.conclusion), inf.scheme, at(i)]),
  );
  await insertRows(
    sql,
    '"InferencePremise" ("inferenceId", "nodeId", "position")',
    graph.inferences.flatMap((inf) => inf.premises.map((nodeId, position) => [idOf('inference', inf.id), idOf('node', nodeId), position])),
  );
  await insertRows(
    sql,
    '"Conflict" ("id", "mapId", "attackerId", "targetNodeId", "targetInferenceId", "question", "createdAt")',
    graph.conflicts.map((c, i) => [
      idOf('conflict', c.id),
      mapId,
      idOf('node', c.attacker),
      'node' in c.target ? idOf('node', c.target.node) : null,
      'inference' in c.target ? idOf('inference', c.target.inference) : null,
      c.question ?? null,
      at(i),
    ]),
  );
}

/** `INSERT INTO <into> VALUES (…), (…), …`, {@link SQL_BATCH} rows a statement. */
async function insertRows(sql: Sql, into: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += SQL_BATCH) {
    const batch = rows.slice(i, i + SQL_BATCH);
    const row = `(${batch[0].map(() => '?').join(', ')})`;
    await sql.run(`INSERT INTO ${into} VALUES ${batch.map(() => row).join(', ')}`, ...batch.flat());
  }
}

function* batches<T>(items: readonly T[]): Generator<{ item: T; index: number }[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH).map((item, j) => ({ item, index: i + j }));
}
