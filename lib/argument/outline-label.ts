import { monthLabel } from './as-of';
import { STATUS_LABELS, type Status } from './evaluation';
import { KIND_LABELS, type ArgNode } from './model';
import type { OutlineRelation, OutlineRow } from './outline';
import { schemeById } from './schemes';
import { shorten } from './text';

// Apart from `outline.ts` because naming a step's scheme brings the scheme catalogue: the outline
// view (loaded on first use) reads the labels; the map page's search needs only the reading order.

const RELATION_WORDS: Record<Exclude<OutlineRelation, null>, string> = {
  supports: 'supports',
  attacks: 'attacks',
  undercuts: 'undercuts the step from',
};

/** How much of the parent's words a label quotes. */
const LABEL_PARENT_MAX = 80;
/** How much of the row's own words a label reads out. */
const LABEL_TEXT_MAX = 160;

/**
 * What a screen reader says for a row: kind, status and relation first, then the point itself.
 *
 * @example "Objection, defeated, attacks: Diplomacy has worked before. The freeze was not complete…"
 */
export function outlineLabel(
  row: Pick<OutlineRow, 'type' | 'relation' | 'parentText' | 'repeat' | 'linkedCount' | 'children'>,
  node: Pick<ArgNode, 'kind' | 'implicit' | 'text' | 'asOf'> | null,
  status: Status | null,
  extra?: { scheme?: string | null; groupSize?: number },
): string {
  const relation = row.relation && row.parentText !== null ? `, ${RELATION_WORDS[row.relation]}: ${shorten(row.parentText, LABEL_PARENT_MAX)}` : '';
  if (row.type === 'group') {
    const n = extra?.groupSize ?? row.children.length;
    return `Not connected yet, ${n} point${n === 1 ? '' : 's'} that lead to no thesis`;
  }
  if (row.type === 'step') {
    const scheme = extra?.scheme ? schemeById(extra.scheme)?.name : undefined;
    return `Step of reasoning${scheme ? ` (${scheme})` : ''}, ${row.linkedCount} reasons together${relation}`;
  }
  if (!node) return '';
  const parts = [KIND_LABELS[node.kind]];
  if (node.implicit) parts.push('unstated');
  if (status) parts.push(STATUS_LABELS[status].toLowerCase());
  if (node.asOf) parts.push(`known ${monthLabel(node.asOf)}`);
  const linked = row.linkedCount > 1 ? `, together with ${row.linkedCount - 1} other${row.linkedCount > 2 ? 's' : ''}` : '';
  const repeat = row.repeat ? '. Listed again: its reasons and objections are shown where it first appears' : '';
  return `${parts.join(', ')}${relation}${linked}. ${shorten(node.text, LABEL_TEXT_MAX)}${repeat}`;
}
