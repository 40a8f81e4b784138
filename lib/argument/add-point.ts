import { CAPACITY, fullMapRefusal, roomRefusal, type Capacity } from './capacity';
import { rebuttalMayAnswer, type NewConnection } from './connect';
import type { NodeKind, Relation } from './model';
import type { Decision, Refusal } from './refusal';

/**
 * The rules for adding a point to a map (`POST /api/maps/{slug}/nodes`), decided from the facts the
 * data layer reads for them — never the whole map, so adding a point to a map of 5,000 stays a
 * handful of index lookups. Pure: table-tested without a database (`__tests__/add-point.test.ts`).
 */

/** What a request to add a point asks for (the body, already past its schema). */
export interface AddPointRequest {
  kind: NodeKind;
  target?: string;
  relation?: Relation;
  quote?: { start: number; end: number };
  /** The critical question an objection raises, `"<scheme>.<cq>"`. */
  question?: string;
}

/** What the request's target is on the live map: a point, a step (by its conclusion), or nothing of that id. */
export type PointTarget = { node: { id: string; kind: NodeKind } } | { inference: { id: string; conclusion: string; scheme: string | null } } | 'missing';

/** The facts the rules need, read by the data layer under the map's lock. */
export interface AddPointFacts {
  /** Live points on the map (or any count below MAP_NODES_MAX when it is surely below: the rows, deleted ones too). */
  livePoints: number;
  hasThesis: boolean;
  /** Undefined when the request has no target. */
  target?: PointTarget;
  /** Only when a question is raised against a point: the schemes of the live steps it is a premise of. */
  schemesOfTargetSteps?: (string | null)[];
  /** Only when a quote is given: the essay's text. */
  essay?: string;
  /** Only the capacities {@link capacitiesUsed} names: how many of each the map (or the step) holds now. */
  room?: Partial<Record<Capacity, number>>;
}

export interface AddPointPlan {
  quote: { start: number; end: number; text: string } | null;
  connection: NewConnection | null;
}

/** The capacities adding this point uses, with what each is counted on ('map' or the step's id), to read before deciding. */
export function capacitiesUsed(request: Pick<AddPointRequest, 'relation'>, target: PointTarget | undefined): { what: Capacity; of: 'map' | string }[] {
  if (request.relation === 'attacks') return [{ what: 'attacks', of: 'map' }];
  if (request.relation !== 'supports' || target === undefined || target === 'missing') return [];
  return 'inference' in target
    ? [
        { what: 'links', of: 'map' },
        { what: 'premises', of: target.inference.id },
      ]
    : [
        { what: 'links', of: 'map' },
        { what: 'steps', of: 'map' },
      ];
}

const refuse = (code: Refusal['code'], message: string, path?: (string | number)[], issue?: string): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { code, message, issues: path ? [{ path, message: issue ?? message }] : [] },
});

/**
 * Whether the point may be added, and how it is connected — or the first rule it breaks, in the
 * order a person fixes them: the map is full, a second thesis, an unknown target, a rebuttal of
 * something that is not an attack, a critical question of another scheme, a quote outside the essay
 * or empty, no room for the connection.
 */
export function decideAddPoint(request: AddPointRequest, facts: AddPointFacts): Decision<AddPointPlan> {
  const full = fullMapRefusal(facts.livePoints);
  if (full) return { ok: false, refusal: full };
  if (request.kind === 'thesis' && facts.hasThesis) {
    return refuse('conflict', 'This map already has a thesis. Make a point the thesis from its actions to replace it.', ['kind'], 'A map has one thesis.');
  }
  const target = facts.target;
  if (request.target !== undefined && (target === undefined || target === 'missing')) {
    return refuse('bad_request', 'The target is not a node or inference of this map.', ['target'], `No node or inference "${request.target}" on this map.`);
  }
  const targetNode = target && target !== 'missing' && 'node' in target ? target.node : undefined;
  const targetInference = target && target !== 'missing' && 'inference' in target ? target.inference : undefined;
  if (request.kind === 'rebuttal' && !rebuttalMayAnswer(targetNode?.kind)) {
    return refuse('bad_request', 'A rebuttal answers an objection.', ['target'], 'Choose an objection (or another rebuttal) to rebut.');
  }
  if (request.question) {
    const scheme = request.question.split('.')[0];
    const schemes = targetInference ? [targetInference.scheme] : (facts.schemesOfTargetSteps ?? []);
    if (!schemes.includes(scheme)) {
      return refuse(
        'bad_request',
        'That critical question does not belong to the step it is raised against.',
        ['question'],
        `No step here follows the "${scheme}" scheme.`,
      );
    }
  }
  let quote: AddPointPlan['quote'] = null;
  if (request.quote) {
    const essay = facts.essay ?? '';
    const { start, end } = request.quote;
    if (end > essay.length)
      return refuse('bad_request', 'The quote is outside the essay.', ['quote', 'end'], `The essay has ${essay.length} characters; end is ${end}.`);
    const text = essay.slice(start, end);
    if (text.trim().length === 0) return refuse('bad_request', 'The quote is empty.', ['quote'], 'Select some words of the essay.');
    quote = { start, end, text };
  }
  for (const { what } of capacitiesUsed(request, target)) {
    const refusal = roomRefusal(what, facts.room?.[what] ?? CAPACITY[what]);
    if (refusal) return { ok: false, refusal };
  }
  let connection: NewConnection | null = null;
  if (request.relation === 'supports') {
    connection = targetInference
      ? { type: 'join-step', inference: targetInference.id, conclusion: targetInference.conclusion }
      : { type: 'new-step', conclusion: targetNode!.id };
  } else if (request.relation === 'attacks') {
    connection = {
      type: 'attack',
      target: targetInference ? { inference: targetInference.id, conclusion: targetInference.conclusion } : { node: targetNode!.id },
    };
  }
  return { ok: true, value: { quote, connection } };
}
