/**
 * Critical questions in the words of the step they are asked of.
 *
 * The catalogue (./schemes.ts) words each question three ways: `forStep`, wordings with slots, most
 * specific first, and `text`, the same question in general words. A step fills a slot only with what
 * it reliably tells:
 * - `{conclusion}` — the point the step concludes in;
 * - `{reason}` — its one reason: the step's only premise, or else its only premise that is not a
 *   general `premise` (a warrant), as when evidence and the unstated rule linking it to the
 *   conclusion are linked. A step with two reasons of their own fills no `{reason}`: it does not
 *   record which of them is "the example" or "the expert's word".
 *
 * Each slot is filled with the point's short title in quotation marks (“negotiate now”). The first
 * wording whose slots are all filled is used; when none is, the general words are. Objection
 * openings (`promptForStep`, `objectionPrompt`) work the same way.
 *
 * @example askQuestion(questionById('practical-reasoning.cq4')!.question, { conclusion: { text: 'We should negotiate now.', kind: 'thesis' }, premises: [] })
 * // 'Is it practically possible to do what “We should negotiate now” proposes?'
 */
import type { ArgNode, ArgumentGraph, Inference, NodeKind } from './model';
import type { CriticalQuestion, Scheme } from './schemes';
import { shorten } from './text';

/** One point of a step, as a question may name it. */
export interface StepPoint {
  text: string;
  kind: NodeKind;
}

/**
 * What a question can be worded from: the step's conclusion and its premises, as far as they are
 * known. A brief that merges the same question over several steps into one point passes the
 * conclusion alone; an objection aimed at one premise, that premise alone.
 */
export interface StepWords {
  conclusion: StepPoint | null;
  premises: readonly StepPoint[];
}

/** A step that names nothing: every question comes out in its general words. */
export const NO_STEP: StepWords = { conclusion: null, premises: [] };

/** Longest short title a question quotes, in characters (with the ellipsis, without the quotation marks). */
export const TITLE_MAX = 56;

/** A first clause shorter than this is too little to stand for the point (“The hard line backfired” is kept whole). */
const CLAUSE_MIN = 24;

/**
 * A point's text as a short title for a question: its first clause when that is long enough and
 * fits, else the text cut at a word to {@link TITLE_MAX}; without the closing full stop, with its
 * own double quotation marks made single, inside curly double quotation marks.
 *
 * @example quotedTitle('Relations are at a dangerous point: the present course leads to deadlock.')
 * // '“Relations are at a dangerous point”'
 */
export function quotedTitle(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const clause = /[:;]\s| — /.exec(plain);
  const short = clause && clause.index >= CLAUSE_MIN && clause.index <= TITLE_MAX ? plain.slice(0, clause.index) : shorten(plain, TITLE_MAX);
  const title = short
    .replace(/[.,;:!]+(…?)$/, '$1')
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/"/g, '’');
  return `“${title}”`;
}

type Slot = 'conclusion' | 'reason';

/**
 * The step's one reason, which `{reason}` names: its only premise, or else its only premise that is
 * not a general `premise` (a warrant); none when the step has two or more reasons of their own.
 */
export function reasonOf<P extends StepPoint>(premises: readonly P[]): P | undefined {
  if (premises.length === 1) return premises[0];
  let reason: P | undefined;
  for (const p of premises) {
    if (p.kind === 'premise') continue;
    if (reason) return undefined;
    reason = p;
  }
  return reason;
}

const slotsCache = new WeakMap<StepWords, Record<Slot, string | undefined>>();

/** What the step fills each slot with (worked out once per step: its questions share it). */
function slotsOf(step: StepWords): Record<Slot, string | undefined> {
  const cached = slotsCache.get(step);
  if (cached) return cached;
  const named = (point: StepPoint | null | undefined) => (point && point.text.trim() !== '' ? quotedTitle(point.text) : undefined);
  const slots = { conclusion: named(step.conclusion), reason: named(reasonOf(step.premises)) };
  slotsCache.set(step, slots);
  return slots;
}

/** `template` with its slots filled, or `null` when the step leaves one of them empty. */
function fill(template: string, slots: Record<Slot, string | undefined>): string | null {
  let missing = false;
  const filled = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = slots[name as Slot];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

/** The first of `wordings` the step fills, else `general`. */
function wordFor(wordings: readonly string[], general: string, step: StepWords): string {
  const slots = slotsOf(step);
  for (const template of wordings) {
    const filled = fill(template, slots);
    if (filled !== null) return filled;
  }
  return general;
}

/** The question as it is asked of this step. */
export function askQuestion(question: CriticalQuestion, step: StepWords): string {
  return wordFor(question.forStep, question.text, step);
}

/**
 * How an objection raised from the question begins, for this step: an opening the student must
 * complete, ending in "…" where their words go (“What “…” proposes is not practically possible, because …”).
 */
export function objectionOpening(question: CriticalQuestion, step: StepWords): string {
  return wordFor(question.promptForStep, question.objectionPrompt, step);
}

/** The scheme's pattern for this step: its general premises and conclusion, and the step's own conclusion when it has one. */
export function patternFor(scheme: Scheme, step: StepWords): { premises: readonly string[]; conclusion: string; here: string | null } {
  const { conclusion } = slotsOf(step);
  return { premises: scheme.premises, conclusion: scheme.conclusion, here: conclusion ?? null };
}

const pointsCache = new WeakMap<readonly ArgNode[], { size: number; byId: Map<string, ArgNode> }>();

/** The map's points by id, kept while its list of nodes is the same list (views are replaced, not edited). */
function pointsById(nodes: readonly ArgNode[]): Map<string, ArgNode> {
  const cached = pointsCache.get(nodes);
  if (cached && cached.size === nodes.length) return cached.byId;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  pointsCache.set(nodes, { size: nodes.length, byId });
  return byId;
}

/** The words of one step of the map: its conclusion and premises (those still on the map). */
export function stepWordsOf(graph: Pick<ArgumentGraph, 'nodes'>, inference: Pick<Inference, 'conclusion' | 'premises'>): StepWords {
  const byId = pointsById(graph.nodes);
  const premises: StepPoint[] = [];
  for (const id of inference.premises) {
    const point = byId.get(id);
    if (point) premises.push(point);
  }
  return { conclusion: byId.get(inference.conclusion) ?? null, premises };
}
