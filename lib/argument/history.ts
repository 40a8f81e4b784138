import { pruneGraph } from './graph';
import type { ArgumentGraph, Conflict } from './model';
import type { MapEvent } from './map-events';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One entry of a map's event log, as the history shows it (lib/argument/map-events.ts). */
export type HistoryEvent = DistributiveOmit<MapEvent, 'clientId'>;

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
        nodes.delete(event.data.node.id);
        break;
      case 'node.updated': {
        const { node, before } = event.data;
        const known = nodes.get(node.id);
        if (known && before) nodes.set(node.id, { ...known, text: before.text, version: before.version, kind: before.kind ?? known.kind, ...before.details });
        break;
      }
      case 'connection.created': {
        const { edge } = event.data;
        if (edge.conflict) {
          conflicts.delete(edge.conflict);
        } else if (edge.inference) {
          const known = inferences.get(edge.inference);
          if (known) inferences.set(known.id, { ...known, premises: known.premises.filter((p) => p !== edge.from) });
        }
        break;
      }
      case 'node.deleted': {
        const { graph } = event.data;
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
        for (const id of event.data.restored) nodes.delete(id);
        break;
      case 'inference.updated': {
        const { inference, before } = event.data;
        const known = inferences.get(inference.id);
        if (known && before) inferences.set(inference.id, { ...known, scheme: before.scheme });
        break;
      }
    }
  }
  return pruneGraph({ nodes: [...nodes.values()], inferences: [...inferences.values()], conflicts: [...conflicts.values()] });
}
