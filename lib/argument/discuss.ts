import type { Rating } from './discussion';
import { refused } from './person';
import type { Decision } from './refusal';

/**
 * The rules of the discussion beside the argument: commenting on a point, editing and deleting a
 * comment, and rating a point (`POST /api/maps/{slug}/nodes/{id}/comments`, `PATCH`/`DELETE
 * /api/maps/{slug}/comments/{commentId}`, `PUT /api/maps/{slug}/nodes/{id}/vote`), decided from facts
 * the data layer reads under the map's lock. A comment belongs to the key that wrote it and a vote to
 * the key that cast it (lib/db/discussion.ts); those keys are compared here and never answered.
 * Pure: table-tested without a database (`__tests__/discuss.test.ts`).
 */

/** A browser owns what its key wrote; a request without a key owns nothing. */
export function ownedBy(ownerKey: string, viewerKey: string): boolean {
  return viewerKey !== '' && ownerKey === viewerKey;
}

/** The refusal when a point is not live on the map. */
const noPoint = (nodeId: string) => refused('not_found', `There is no node "${nodeId}" on this map.`);

/** What the data layer reads to decide on a new comment. */
export interface AddCommentFacts {
  /** Whether the point is live on the map. */
  pointLive: boolean;
  /** The actor's display name ("" when none). */
  actorName: string;
}

/**
 * The signature of a new comment on a live point — or 404 when the point is not live. Signed with the
 * name the request gives, else the actor's name, else "Anonymous".
 */
export function decideAddComment(nodeId: string, request: { author?: string }, facts: AddCommentFacts): Decision<{ author: string }> {
  if (!facts.pointLive) return noPoint(nodeId);
  return { ok: true, value: { author: request.author || facts.actorName || 'Anonymous' } };
}

/** A live comment (on a live point) as the rules see it. */
export interface CommentFacts {
  authorKey: string;
  text: string;
}

/** Who asks to change a comment: their key ("" when none) and whether they moderate the map (its owner). */
export interface CommentChanger {
  key: string;
  moderator: boolean;
}

/**
 * Whether `who` may change the comment — or why not: there is no such live comment (404); it is
 * someone else's and they do not moderate (403).
 */
function changeable(commentId: string, comment: CommentFacts | undefined, who: CommentChanger, verb: 'edit' | 'delete'): Decision<CommentFacts> {
  if (!comment) return refused('not_found', `There is no comment "${commentId}" on this map.`);
  if (!who.moderator && !ownedBy(comment.authorKey, who.key)) return refused('forbidden', `Only the browser that wrote this comment can ${verb} it.`);
  return { ok: true, value: comment };
}

/** What editing a comment does: nothing (the same text again), or new words — `moderated` when the owner rewords someone else's. */
export type CommentEdit = { changed: false } | { changed: true; text: string; moderated: boolean };

/**
 * The edit of a comment: its writer may, and so may the map's moderator. The same text again
 * changes nothing. The owner rewording someone else's comment is moderation: its earlier words leave
 * the log for everyone but the owner (lib/argument/moderation.ts `redactEvent`).
 */
export function decideEditComment(commentId: string, text: string, comment: CommentFacts | undefined, who: CommentChanger): Decision<CommentEdit> {
  const decision = changeable(commentId, comment, who, 'edit');
  if (!decision.ok) return decision;
  if (decision.value.text === text) return { ok: true, value: { changed: false } };
  return { ok: true, value: { changed: true, text, moderated: !ownedBy(decision.value.authorKey, who.key) } };
}

/** Whether the comment may be deleted (soft): by its writer, or by the map's moderator. */
export function decideDeleteComment(commentId: string, comment: CommentFacts | undefined, who: CommentChanger): Decision<null> {
  const decision = changeable(commentId, comment, who, 'delete');
  return decision.ok ? { ok: true, value: null } : decision;
}

/** What the data layer reads to decide on a vote. */
export interface VoteFacts {
  /** The key the vote is kept under ("" when the request names no browser). */
  voterKey: string;
  /** Whether the point is live on the map (read only with a voter key). */
  pointLive: boolean;
  /** The value this voter has given the point, null when none. */
  current: number | null;
}

/** What a vote does to the voter's row: nothing (the value it already has), set `value`, or withdraw it. */
export type VoteChange = { write: 'none' } | { write: 'set'; value: number; exists: boolean } | { write: 'withdraw' };

/**
 * A vote: sets (or, with null, withdraws) one voter's 0–4 rating of a live point — or why not: the
 * request names no browser (400); the point is not live (404). Casting the value it already has
 * changes nothing.
 */
export function decideCastVote(nodeId: string, value: number | null, facts: VoteFacts): Decision<VoteChange> {
  if (!facts.voterKey) return refused('bad_request', 'Votes need a browser id; reload the page.');
  if (!facts.pointLive) return noPoint(nodeId);
  if (facts.current === value) return { ok: true, value: { write: 'none' } };
  if (value === null) return { ok: true, value: { write: 'withdraw' } };
  return { ok: true, value: { write: 'set', value, exists: facts.current !== null } };
}

/** A point's crowd rating from the sum and number of its votes (the mean, unrounded). */
export function ratingFrom(total: number | null, count: number): Rating {
  return { average: count > 0 ? Number(total ?? 0) / count : 0, count };
}
