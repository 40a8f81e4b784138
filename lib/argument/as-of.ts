import { isNodeTarget, MONTH_PATTERN, type ArgumentGraph } from './model';

/**
 * Judging a map as of a month: a class judges a 2009 essay on what was knowable in 2009, then sees
 * how later events bear on it. Points carry `asOf` (`YYYY-MM`, when the facts they rely on were
 * known); judged as of an earlier month they are set aside (see docs/evaluation.md).
 */

/** The month the op-ed was published: its own "as of". */
export const ESSAY_MONTH_EXAMPLE = '2009-08';

export interface SetAside {
  /** The graph without the points dated after the month, the steps they are premises or conclusions of, and the attacks they make or take. */
  graph: ArgumentGraph;
  /** Points dated after the month. */
  later: string[];
  /** Steps set aside with them. */
  laterInferences: string[];
}

/**
 * Sets aside what is dated after `month` (`YYYY-MM`; null keeps everything). Linear in the graph.
 * Months compare as strings: `YYYY-MM` sorts the way time runs.
 */
export function setAsideAfter(graph: ArgumentGraph, month: string | null): SetAside {
  if (month === null) return { graph, later: [], laterInferences: [] };
  const later = new Set<string>();
  for (const n of graph.nodes) if (n.asOf != null && n.asOf > month) later.add(n.id);
  if (later.size === 0) return { graph, later: [], laterInferences: [] };
  const laterInferences = new Set<string>();
  for (const inf of graph.inferences) {
    if (later.has(inf.conclusion) || inf.premises.some((p) => later.has(p))) laterInferences.add(inf.id);
  }
  return {
    graph: {
      nodes: graph.nodes.filter((n) => !later.has(n.id)),
      inferences: graph.inferences.filter((i) => !laterInferences.has(i.id)),
      conflicts: graph.conflicts.filter(
        (c) => !later.has(c.attacker) && (isNodeTarget(c.target) ? !later.has(c.target.node) : !laterInferences.has(c.target.inference)),
      ),
    },
    later: [...later],
    laterInferences: [...laterInferences],
  };
}

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** This month, `YYYY-MM`, in UTC. */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2009-08" → "Aug 2009". */
export function monthLabel(month: string): string {
  const m = MONTH_PATTERN.exec(month);
  if (!m) return month;
  return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}
