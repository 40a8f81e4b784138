// Writes a graph into the database for a new map. Shared by the seed script (prisma/seed/index.ts,
// run by tsx outside Next) and map import (lib/db/import.ts), so it imports neither 'server-only'
// nor the app's client: it writes through whatever transaction client it is given.
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

function* batches<T>(items: readonly T[]): Generator<{ item: T; index: number }[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH).map((item, j) => ({ item, index: i + j }));
}
