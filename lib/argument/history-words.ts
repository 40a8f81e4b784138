import type { HistoryEvent } from './history';
import type { FlatEdge } from './model';
import { schemeById } from './schemes';
import { shorten } from './text';

/**
 * The history in words: one line per event (`describeEvent`) and which events concern a point
 * (`eventTouchesNode`). Apart from `history.ts` (the events and `graphBefore`, which the map page
 * needs from the start) because naming a step's scheme brings the scheme catalogue, which only the
 * history panel and the inspector need, and they load on first use.
 */

const ARTICLE: Record<string, string> = {
  objection: 'an objection',
  evidence: 'evidence',
  premise: 'a premise',
  claim: 'a claim',
  rebuttal: 'a rebuttal',
  thesis: 'a thesis',
};

/**
 * One line for the history list: who did what to which point.
 * `textOf` gives a point's words when the event itself does not carry them.
 */
export function describeEvent(event: HistoryEvent, textOf: (id: string) => string | undefined): string {
  const who = event.actor || 'Someone';
  const quote = (text: string | undefined) => (text ? `“${shorten(text, 60)}”` : 'a point');
  switch (event.type) {
    case 'node.created': {
      const { node } = event.data;
      return `${who} added ${ARTICLE[node.kind] ?? 'a point'}: ${quote(node.text)}`;
    }
    case 'node.updated': {
      const { node, before } = event.data;
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
      const { edge } = event.data;
      const verb = edge.relation === 'supports' ? 'supports' : edge.undercut ? 'undercuts the step to' : 'attacks';
      return `${who} connected ${quote(textOf(edge.from))} — it ${verb} ${quote(textOf(edge.to))}`;
    }
    case 'node.moved':
      return `${who} moved ${quote(event.data.node.text)} on the canvas`;
    case 'node.deleted': {
      const { removed, graph } = event.data;
      const first = graph?.nodes.find((n) => n.id === removed[0])?.text ?? textOf(removed[0]);
      return `${who} deleted ${quote(first)}${removed.length > 1 ? ` and ${removed.length - 1} point${removed.length > 2 ? 's' : ''} resting on it` : ''}`;
    }
    case 'node.restored': {
      const { restored } = event.data;
      return `${who} restored ${restored.length === 1 ? quote(textOf(restored[0])) : `${restored.length} points`}`;
    }
    case 'inference.updated': {
      const { inference } = event.data;
      const name = inference.scheme ? (schemeById(inference.scheme)?.name ?? inference.scheme) : null;
      return name ? `${who} named a step “${name}”` : `${who} cleared the scheme of a step`;
    }
    case 'positions.saved':
      return `${who} tidied the layout`;
    case 'map.updated': {
      const { map, before } = event.data;
      if (map.archived !== before.archived) return `${who} ${map.archived ? 'archived' : 'restored'} the map`;
      if ((map.anonymous ?? false) !== (before.anonymous ?? false))
        return map.anonymous ? `${who} made the class anonymous: students see each other as “Student 1, 2, …”` : `${who} showed the class’s names again`;
      return `${who} renamed the map “${shorten(map.title, 60)}”`;
    }
    case 'tasks.updated': {
      const { tasks, before } = event.data;
      if (tasks === null) return `${who} turned the class tasks off`;
      return before === null || before === undefined ? `${who} set the class tasks` : `${who} changed the class tasks`;
    }
    case 'comment.created':
      return `${who} commented on ${quote(textOf(event.data.nodeId))}`;
    case 'comment.updated':
      return `${who} edited a comment on ${quote(textOf(event.data.nodeId))}`;
    case 'comment.deleted':
      return `${who} deleted a comment on ${quote(textOf(event.data.nodeId))}`;
    case 'vote.cast':
      return `${who} rated ${quote(textOf(event.data.nodeId))}`;
    default:
      // A kind this build does not know yet (a newer server's log): named as it is stored.
      return `${who}: ${(event as HistoryEvent).type}`;
  }
}

/** Whether an event concerns a node: it names it as the point changed, removed, restored or discussed. */
export function eventTouchesNode(event: HistoryEvent, nodeId: string): boolean {
  const data = event.data as { node?: { id: string }; removed?: string[]; restored?: string[]; nodeId?: string; edge?: FlatEdge };
  return (
    data.node?.id === nodeId ||
    data.edge?.from === nodeId ||
    data.edge?.to === nodeId ||
    data.nodeId === nodeId ||
    !!data.removed?.includes(nodeId) ||
    !!data.restored?.includes(nodeId)
  );
}
