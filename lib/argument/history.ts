import { pruneGraph } from './graph';
import type { ArgNode, ArgumentGraph, Conflict, FlatEdge, Inference } from './model';
import { schemeById } from './schemes';
import { shorten } from './text';

/** One entry of a map's event log, as the history shows it (see lib/db/events.ts for the types). */
export interface HistoryEvent {
  id: number;
  type: string;
  actor: string;
  at: string;
  data: unknown;
}

type Created = { node: ArgNode };
type Details = Pick<ArgNode, 'asOf' | 'stockIssue' | 'proposal'>;
type Updated = { node: ArgNode; before?: { text: string; version: number; kind?: ArgNode['kind']; details?: Details } };
type Connected = { edge: FlatEdge };
type Deleted = { removed: string[]; graph?: ArgumentGraph };
type Restored = { restored: string[] };
type SchemeChanged = { inference: Inference; before?: { scheme: string | null } };

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

const ARTICLE: Record<string, string> = { objection: 'an objection', evidence: 'evidence', premise: 'a premise', claim: 'a claim', rebuttal: 'a rebuttal', thesis: 'a thesis' };

/**
 * One line for the history list: who did what to which point.
 * `textOf` gives a point's words when the event itself does not carry them.
 */
export function describeEvent(event: HistoryEvent, textOf: (id: string) => string | undefined): string {
  const who = event.actor || 'Someone';
  const quote = (text: string | undefined) => (text ? `“${shorten(text, 60)}”` : 'a point');
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'node.created': {
      const { node } = data as Created;
      return `${who} added ${ARTICLE[node.kind] ?? 'a point'}: ${quote(node.text)}`;
    }
    case 'node.updated': {
      const { node, before } = data as Updated;
      if (before?.kind && before.kind !== node.kind) {
        return node.kind === 'thesis' ? `${who} made ${quote(node.text)} the thesis` : `${who} made ${quote(node.text)} ${ARTICLE[node.kind] ?? 'a point'}`;
      }
      if (before?.details && before.text === node.text) {
        if (before.details.proposal !== (node.proposal ?? false)) {
          return node.proposal ? `${who} marked ${quote(node.text)} a policy proposal` : `${who} marked ${quote(node.text)} no longer a policy proposal`;
        }
        if (before.details.stockIssue !== (node.stockIssue ?? null)) return `${who} changed the stock issue of ${quote(node.text)}`;
        return `${who} changed the date of ${quote(node.text)}`;
      }
      return `${who} reworded ${quote(before?.text)}`;
    }
    case 'connection.created': {
      const { edge } = data as Connected;
      const verb = edge.relation === 'supports' ? 'supports' : edge.undercut ? 'undercuts the step to' : 'attacks';
      return `${who} connected ${quote(textOf(edge.from))} — it ${verb} ${quote(textOf(edge.to))}`;
    }
    case 'node.moved':
      return `${who} moved ${quote((data as Updated).node.text)} on the canvas`;
    case 'node.deleted': {
      const { removed } = data as Deleted;
      const first = (data as Deleted).graph?.nodes.find((n) => n.id === removed[0])?.text ?? textOf(removed[0]);
      return `${who} deleted ${quote(first)}${removed.length > 1 ? ` and ${removed.length - 1} point${removed.length > 2 ? 's' : ''} resting on it` : ''}`;
    }
    case 'node.restored': {
      const { restored } = data as Restored;
      return `${who} restored ${restored.length === 1 ? quote(textOf(restored[0])) : `${restored.length} points`}`;
    }
    case 'inference.updated': {
      const { inference } = data as SchemeChanged;
      const name = inference.scheme ? (schemeById(inference.scheme)?.name ?? inference.scheme) : null;
      return name ? `${who} named a step “${name}”` : `${who} cleared the scheme of a step`;
    }
    case 'positions.saved':
      return `${who} tidied the layout`;
    case 'map.updated': {
      const { map, before } = data as { map: { title: string; archived: boolean; anonymous?: boolean }; before: { title: string; archived: boolean; anonymous?: boolean } };
      if (map.archived !== before.archived) return `${who} ${map.archived ? 'archived' : 'restored'} the map`;
      if ((map.anonymous ?? false) !== (before.anonymous ?? false)) return map.anonymous ? `${who} made the class anonymous: students see each other as “Student 1, 2, …”` : `${who} showed the class’s names again`;
      return `${who} renamed the map “${shorten(map.title, 60)}”`;
    }
    case 'tasks.updated': {
      const { tasks, before } = data as { tasks: unknown; before: unknown };
      if (tasks === null) return `${who} turned the class tasks off`;
      return before === null || before === undefined ? `${who} set the class tasks` : `${who} changed the class tasks`;
    }
    case 'comment.created':
      return `${who} commented on ${quote(textOf(String((data as { nodeId?: string }).nodeId)))}`;
    case 'comment.updated':
      return `${who} edited a comment on ${quote(textOf(String((data as { nodeId?: string }).nodeId)))}`;
    case 'comment.deleted':
      return `${who} deleted a comment on ${quote(textOf(String((data as { nodeId?: string }).nodeId)))}`;
    case 'vote.cast':
      return `${who} rated ${quote(textOf(String((data as { nodeId?: string }).nodeId)))}`;
    default:
      return `${who}: ${event.type}`;
  }
}

/** Whether an event concerns a node: it names it as the point changed, removed, restored or discussed. */
export function eventTouchesNode(event: HistoryEvent, nodeId: string): boolean {
  const data = event.data as { node?: { id: string }; removed?: string[]; restored?: string[]; nodeId?: string; edge?: FlatEdge };
  return data.node?.id === nodeId || data.edge?.from === nodeId || data.edge?.to === nodeId || data.nodeId === nodeId || !!data.removed?.includes(nodeId) || !!data.restored?.includes(nodeId);
}
