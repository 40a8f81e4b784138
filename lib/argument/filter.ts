import type { Status } from './evaluation';
import { ATTACKING_KINDS, isNodeTarget, type ArgNode, type ArgumentGraph, type NodeKind } from './model';

/**
 * What the canvas and the outline single out. Empty lists mean "any"; `unanswered` keeps only
 * objections and rebuttals that nothing attacks; `query` matches node text, quotes and authors,
 * case- and accent-insensitively, every word somewhere.
 */
export interface NodeFilter {
  query: string;
  kinds: NodeKind[];
  statuses: Status[];
  authors: string[];
  unanswered: boolean;
}

export const EMPTY_FILTER: NodeFilter = { query: '', kinds: [], statuses: [], authors: [], unanswered: false };

/** Whether the filter singles anything out at all. */
export function isFilterActive(filter: NodeFilter): boolean {
  return filter.query.trim() !== '' || filter.kinds.length > 0 || filter.statuses.length > 0 || filter.authors.length > 0 || filter.unanswered;
}

/** Lower case without accents, so "etat" finds "État". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The ids of the nodes the filter keeps, or `null` when no filter is active (everything shows
 * normally). Views dim what is not kept rather than hiding it, so the shape of the argument stays.
 *
 * @example matchingNodes(graph, statusOf, { ...EMPTY_FILTER, kinds: ['evidence'] }) // the evidence
 */
export function matchingNodes(graph: ArgumentGraph, statusOf: (id: string) => Status | undefined, filter: NodeFilter): Set<string> | null {
  if (!isFilterActive(filter)) return null;
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const answered = new Set(graph.conflicts.flatMap((c) => (isNodeTarget(c.target) ? [c.target.node] : [])));
  // Sets, not lists: a filter can name every author of a map with thousands of them.
  const kinds = new Set(filter.kinds);
  const statuses = new Set(filter.statuses);
  const authors = new Set(filter.authors);
  const keep = (n: ArgNode) => {
    if (kinds.size > 0 && !kinds.has(n.kind)) return false;
    const status = statusOf(n.id);
    if (statuses.size > 0 && (!status || !statuses.has(status))) return false;
    if (authors.size > 0 && !authors.has(n.author)) return false;
    if (filter.unanswered && !(ATTACKING_KINDS.includes(n.kind) && !answered.has(n.id))) return false;
    if (words.length > 0) {
      const haystack = fold(`${n.text}\n${n.quote?.text ?? ''}\n${n.author}`);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  };
  return new Set(graph.nodes.filter(keep).map((n) => n.id));
}

/** The distinct authors of a map's points, for the author filter, most prolific first. */
export function authorsOf(graph: ArgumentGraph): string[] {
  const counts = new Map<string, number>();
  for (const n of graph.nodes) if (n.author) counts.set(n.author, (counts.get(n.author) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
