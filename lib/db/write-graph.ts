// Writes a graph into the database for a new map. Shared by the seed script (prisma/seed/index.ts,
// run by tsx outside Next), class copies (lib/db/classes.ts) and map import (lib/db/import.ts), so it
// imports neither 'server-only' nor the app's client: it writes through whatever transaction client
// or connection it is given.
import type Database from 'better-sqlite3';
import type { Prisma } from '../../generated/prisma/client';
import type { ArgumentGraph } from '../argument/model';

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

/**
 * Writes the same rows as {@link writeGraph} with prepared statements on a better-sqlite3
 * connection, inside the caller's synchronous transaction (`writeTransaction` in ./client). Prisma's
 * `createMany` costs about a millisecond a row, and the transaction holds the database's one
 * connection all that time (every other request of the process waits): a largest import, some
 * 35,000 rows, took half a minute that way and takes a fraction of a second this way.
 */
export function writeGraphSync(sql: Database.Database, mapId: string, graph: ArgumentGraph, idOf: IdOf, start = Date.now()): void {
  const at = (i: number) => sqliteTimestamp(new Date(start + i));
  const node = sql.prepare(
    `INSERT INTO Node (id, mapId, kind, text, quoteStart, quoteEnd, quoteText, implicit, asOf, stockIssue, proposal, author, x, y, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  graph.nodes.forEach((n, i) => {
    const q = n.quote;
    node.run(
      idOf('node', n.id),
      mapId,
      n.kind,
      n.text,
      q?.start ?? null,
      q?.end ?? null,
      q?.text ?? null,
      n.implicit ? 1 : 0,
      n.asOf ?? null,
      n.stockIssue ?? null,
      n.proposal ? 1 : 0,
      n.author,
      n.position?.x ?? null,
      n.position?.y ?? null,
      at(i),
      at(i),
    );
  });
  const inference = sql.prepare('INSERT INTO Inference (id, mapId, conclusionId, scheme, createdAt) VALUES (?, ?, ?, ?, ?)');
  const premise = sql.prepare('INSERT INTO InferencePremise (inferenceId, nodeId, position) VALUES (?, ?, ?)');
  graph.inferences.forEach((inf, i) => {
    const id = idOf('inference', inf.id);
    inference.run(id, mapId, idOf('node', inf.conclusion), inf.scheme, at(i));
    inf.premises.forEach((nodeId, position) => premise.run(id, idOf('node', nodeId), position));
  });
  const conflict = sql.prepare(
    'INSERT INTO Conflict (id, mapId, attackerId, targetNodeId, targetInferenceId, question, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  graph.conflicts.forEach((c, i) => {
    const target = c.target;
    conflict.run(
      idOf('conflict', c.id),
      mapId,
      idOf('node', c.attacker),
      'node' in target ? idOf('node', target.node) : null,
      'inference' in target ? idOf('inference', target.inference) : null,
      c.question ?? null,
      at(i),
    );
  });
}

/** A time as Prisma writes DateTime columns to SQLite (ISO 8601 with a +00:00 offset), so both writers' rows read back alike. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function* batches<T>(items: readonly T[]): Generator<{ item: T; index: number }[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH).map((item, j) => ({ item, index: i + j }));
}
