import { can } from '../auth/permissions';
import type { MapEventData, PointDetails } from './map-events';
import { RETYPABLE_KINDS, UNSTATABLE_KINDS, type ArgNode, type NodeKind, type Position, type RetypableKind, type StockIssue } from './model';
import { lacking, refused, type Checked, type Person } from './person';

/**
 * The rules for editing a point (`PATCH /api/maps/{slug}/nodes/{id}`): rewording it (guarded by the
 * version the person saw), moving it, changing its details (a date, a stock issue, "proposes a
 * policy") and its kind — making it the thesis makes the current thesis a claim. Decided from the
 * point and, when it becomes the thesis, the current thesis, both read under the map's lock. Pure:
 * table-tested without a database (`__tests__/edit-point.test.ts`).
 */

/** What a request to edit a point asks for (the body, already past its schema). */
export interface EditPointRequest {
  /** The version the new words are based on (sent with `text`). */
  version?: number;
  text?: string;
  kind?: RetypableKind;
  /** Null unplaces it (laid out automatically again). */
  position?: Position | null;
  asOf?: string | null;
  stockIssue?: StockIssue | null;
  proposal?: boolean;
}

/** A live point as the rules see it, with who made it (`Node.createdBy`). */
export interface MadePoint {
  node: ArgNode;
  maker: string | null;
}

/** The facts the rules need, read by the data layer under the map's lock. */
export interface EditPointFacts {
  /** The point, when it is live on the map. */
  point: MadePoint | undefined;
  /** Read only when the request makes the point the thesis: the map's thesis now (another point), if any. */
  thesis?: MadePoint;
  person?: Person;
  /**
   * Why a point of `kind` cannot bear `issue`, null when it can: the rule the schemas share
   * (lib/validation/node.ts `stockIssueProblem`), passed in since validation sits above this core.
   */
  stockIssueProblem: (kind: NodeKind, issue: StockIssue) => string | null;
}

/** One change to a point, to write and to log. */
export interface PointChange {
  /** The point as the change leaves it. */
  node: ArgNode;
  /** The version it had: the row is written only if it still has it. */
  version: number;
  /** Whether its position is written. */
  moved: boolean;
}

export interface EditPlan {
  /** The point as the request leaves it: what is written and answered. */
  point: PointChange;
  /** The thesis made a claim so that the map keeps one thesis, with its own event (logged first). */
  demoted: { change: PointChange; event: MapEventData['node.updated'] } | null;
  /**
   * The request's one event, its `before` the whole request (so the history undoes it in one step);
   * null when nothing would change (a month it already has, its own kind): nothing is written or logged.
   */
  event: { type: 'node.updated'; data: MapEventData['node.updated'] } | { type: 'node.moved'; data: MapEventData['node.moved'] } | null;
}

/** A point's details as the history keeps them, to put back on undo or replay. */
export function detailsOf(node: ArgNode): PointDetails {
  return { asOf: node.asOf ?? null, stockIssue: node.stockIssue ?? null, proposal: node.proposal ?? false };
}

/**
 * The details a request changes, or null when it changes none; refused when they do not fit the
 * point's kind (the kind it is given in the same request).
 */
function detailsChange(
  node: ArgNode,
  request: EditPointRequest,
  stockIssueProblem: EditPointFacts['stockIssueProblem'],
): Checked<Partial<PointDetails> | null> {
  const kind = request.kind ?? node.kind;
  const current = detailsOf(node);
  const change: Partial<PointDetails> = {};
  if (request.asOf !== undefined && request.asOf !== current.asOf) {
    if (request.asOf !== null && kind === 'thesis') {
      return refused('bad_request', 'The thesis has no date of its own.', ['asOf'], 'The thesis is judged as of a month; it has no date of its own.');
    }
    change.asOf = request.asOf;
  }
  if (request.stockIssue !== undefined && request.stockIssue !== current.stockIssue) {
    const problem = request.stockIssue === null ? null : stockIssueProblem(kind, request.stockIssue);
    if (problem) return refused('bad_request', 'That stock issue does not fit this point.', ['stockIssue'], problem);
    change.stockIssue = request.stockIssue;
  }
  if (request.proposal !== undefined && request.proposal !== current.proposal) {
    if (request.proposal && kind !== 'thesis') {
      return refused('bad_request', 'Only the thesis proposes a policy.', ['proposal'], 'Mark the thesis as a policy proposal, not another point.');
    }
    change.proposal = request.proposal;
  }
  return { ok: true, value: Object.keys(change).length > 0 ? change : null };
}

/** A point given a new kind, with what then fits it: a thesis bears on no single stock issue and has no date; only a thesis proposes a policy. */
function retyped(node: ArgNode, kind: RetypableKind): ArgNode {
  const fits = kind === 'thesis' ? { stockIssue: null, asOf: null } : { proposal: false };
  return { ...node, kind, ...fits, version: node.version + 1 };
}

/**
 * Whether the edit may be made, and what it writes and logs — or the first rule it breaks, in this
 * order: the point is not on the map; details that do not fit its kind; the person may not edit it
 * (their own point, `edit-own`, or anyone's, `edit-any` — moving is checked by the route); new words
 * based on a version someone has changed since (a conflict: the caller answers it with the point as
 * it is now); a kind an objection or rebuttal keeps, or an unstated point made other than a premise or
 * claim; the person may not edit the thesis it demotes.
 */
export function decideEditPoint(id: string, request: EditPointRequest, facts: EditPointFacts): Checked<EditPlan> {
  const point = facts.point;
  if (!point) return refused('not_found', `There is no node "${id}" on this map.`);
  const original = point.node;
  const person = facts.person;
  const retype = request.kind !== undefined && request.kind !== original.kind;
  const detailsDecision = detailsChange(original, request, facts.stockIssueProblem);
  if (!detailsDecision.ok) return detailsDecision;
  const details = detailsDecision.value;
  const reworded = request.text !== undefined;
  const moved = request.position !== undefined;
  if (reworded || retype || details) {
    const stop = lacking(person, person?.owns(point.maker) ? 'edit-own' : 'edit-any');
    if (stop) return stop;
  }
  if (!reworded && !retype && !details && !moved)
    return { ok: true, value: { point: { node: original, version: original.version, moved: false }, demoted: null, event: null } };
  if (reworded && request.version !== original.version) return refused('conflict', 'Someone changed this point since you loaded it.');

  // One change, one version: new words and new details together count once; a new kind once more.
  let node: ArgNode = { ...original, ...details };
  if (moved) node.position = request.position ?? null;
  if (reworded || details) node.version += 1;
  if (reworded) node.text = request.text!;
  let demoted: EditPlan['demoted'] = null;
  if (retype) {
    const kind = request.kind!;
    if (!(RETYPABLE_KINDS as readonly string[]).includes(original.kind)) {
      return refused(
        'bad_request',
        `${original.kind === 'objection' ? 'An objection' : 'A rebuttal'} keeps its kind: it enters the map by attacking.`,
        ['kind'],
        'Only the thesis, claims, premises and evidence change kind.',
      );
    }
    if (original.implicit && !UNSTATABLE_KINDS.includes(kind)) {
      return refused('bad_request', `An unstated ${original.kind} stays a premise or a claim.`, ['kind'], 'Only premises and claims can be unstated.');
    }
    // Making a point the thesis makes the current thesis a claim, so the map keeps one thesis.
    const thesis = kind === 'thesis' && facts.thesis && facts.thesis.node.id !== original.id ? facts.thesis : undefined;
    if (thesis) {
      const stop = lacking(person, person?.owns(thesis.maker) ? 'edit-own' : 'edit-any');
      if (stop) return stop;
      const was = thesis.node;
      const claim = retyped(was, 'claim');
      demoted = {
        change: { node: claim, version: was.version, moved: false },
        event: { node: claim, before: { text: was.text, version: was.version, kind: was.kind, details: detailsOf(was) } },
      };
    }
    node = retyped(node, kind);
  }

  // The owner rewording someone else's point is moderation: its earlier words leave the log for
  // everyone but the owner (lib/argument/moderation.ts `redactEvent`).
  const moderated = person !== undefined && can(person.role, 'moderate') && reworded && request.text !== original.text && person.mark !== point.maker;
  const before = {
    text: original.text,
    version: original.version,
    position: original.position,
    ...(retype ? { kind: original.kind } : {}),
    ...(details || retype ? { details: detailsOf(original) } : {}),
  };
  const event: EditPlan['event'] =
    reworded || retype || details
      ? { type: 'node.updated', data: { node, before, ...(moderated ? { moderated } : {}) } }
      : { type: 'node.moved', data: { node, before } };
  return { ok: true, value: { point: { node, version: original.version, moved }, demoted, event } };
}
