import { pruneGraph } from './graph';
import type { ArgNode, ArgumentGraph, Conflict, FlatEdge, Inference } from './model';

/** One entry of a map's event log, as the history shows it (see lib/db/events.ts for the types). */
export interface HistoryEvent {
  id: number;
  type: string;
  actor: string;
  at: string;
  data: unknown;
}

export type Created = { node: ArgNode };
export type Details = Pick<ArgNode, 'asOf' | 'stockIssue' | 'proposal'>;
export type Updated = { node: ArgNode; before?: { text: string; version: number; kind?: ArgNode['kind']; details?: Details } };
export type Connected = { edge: FlatEdge };
export type Deleted = { removed: string[]; graph?: ArgumentGraph };
export type Restored = { restored: string[] };
export type SchemeChanged = { inference: Inference; before?: { scheme: string | null } };

/**
 * The graph as it was before `events` happened: each is undone, newest first. Adding a point is
 * undone by removing it, an edit by its `before` words, a delete by putting back the part of the
 * graph the event recorded, a restore by removing again. Comments, votes and positions do not
 * change the argument and are skipped.
 *
 * @example graphBefore(current, eventsAfter(t)) // the map at moment t
 */
export function graphBefore(current: ArgumentGraph, events: readonly HistoryEvent[]): ArgumentGraph {
  const nodes = new Map(current.nodes.map((n) => [n.id, n]));
  const inferences = new Map(current.inferences.map((i) => [i.id, i]));
  const conflicts = new Map(current.conflicts.map((c) => [c.id, c]));
  for (const event of [...events].sort((a, b) => b.id - a.id)) {
    switch (event.type) {
      case 'node.created':
        nodes.delete((event.data as Created).node.id);
        break;
      case 'node.updated': {
        const { node, before } = event.data as Updated;
        const known = nodes.get(node.id);
        if (known && before) nodes.set(node.id, { ...known, text: before.text, version: before.version, kind: before.kind ?? known.kind, ...before.details });
        break;
      }
      case 'connection.created': {
        const { edge } = event.data as Connected;
        if (edge.conflict) {
          conflicts.delete(edge.conflict);
        } else if (edge.inference) {
          const known = inferences.get(edge.inference);
          if (known) inferences.set(known.id, { ...known, premises: known.premises.filter((p) => p !== edge.from) });
        }
        break;
      }
      case 'node.deleted': {
        const { graph } = event.data as Deleted;
        if (!graph) break;
        for (const n of graph.nodes) nodes.set(n.id, n);
        for (const inf of graph.inferences) {
          const known = inferences.get(inf.id);
          inferences.set(inf.id, known ? { ...inf, premises: [...new Set([...inf.premises, ...known.premises])] } : inf);
        }
        for (const c of graph.conflicts) conflicts.set(c.id, c as Conflict);
        break;
      }
      case 'node.restored':
        for (const id of (event.data as Restored).restored) nodes.delete(id);
        break;
      case 'inference.updated': {
        const { inference, before } = event.data as SchemeChanged;
        const known = inferences.get(inference.id);
        if (known && before) inferences.set(inference.id, { ...known, scheme: before.scheme });
        break;
      }
    }
  }
  return pruneGraph({ nodes: [...nodes.values()], inferences: [...inferences.values()], conflicts: [...conflicts.values()] });
}
