import 'server-only';
import type { CommentView, Rating } from '../argument/discussion';
import { AppError } from '../validation/app-error';
import type { CommentCreateInput, CommentUpdateInput } from '../validation/discussion';
import type { PrismaClient } from '@/generated/prisma/client';
import { db, lockMapRow } from './client';
import { announce } from './event-bus';
import { recordEvent, type Actor } from './events';

/**
 * Comments and votes on a map's nodes. A comment belongs to whoever wrote it (`authorKey`: an
 * account's or member's key, else the anonymous browser's owner key) and a vote to whoever cast it
 * (`voterKey`: an account's or member's key, else the server-signed voter id of an anonymous
 * browser — see the votes route and lib/auth/voter.ts); those keys never leave this module —
 * answers and events carry `mine` or nothing instead.
 */

/** The columns of a comment row that the API shows (plus `authorKey`, to compute `mine`). */
const COMMENT_SELECT = { id: true, nodeId: true, author: true, authorKey: true, text: true, createdAt: true, updatedAt: true } as const;

type CommentRow = { id: string; nodeId: string; author: string; authorKey: string; text: string; createdAt: Date; updatedAt: Date };

/** The comment as everyone sees it (the event log, other browsers): no key, no `mine`. */
function publicComment(row: CommentRow): CommentView {
  return { id: row.id, nodeId: row.nodeId, author: row.author, text: row.text, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The comment as the browser with `viewerKey` sees it. */
function commentFor(row: CommentRow, viewerKey: string): CommentView {
  return { ...publicComment(row), mine: ownedBy(row.authorKey, viewerKey) };
}

/** A browser owns what its key wrote; a request without a key owns nothing. */
function ownedBy(ownerKey: string, viewerKey: string): boolean {
  return viewerKey !== '' && ownerKey === viewerKey;
}

/** The client, or the transaction client inside `$transaction`. */
type Tx = Pick<PrismaClient, 'argumentMap' | 'node' | 'comment' | 'vote' | 'mapEvent'>;

/** 404 unless `nodeId` is a node of the map that has not been deleted. */
async function requireLiveNode(tx: Tx, mapId: string, nodeId: string): Promise<void> {
  const row = await tx.node.findFirst({ where: { id: nodeId, mapId, deletedAt: null }, select: { id: true } });
  if (!row) throw new AppError('not_found', `There is no node "${nodeId}" on this map.`);
}

/**
 * The live comment `commentId` of the map, on a live node, that `actor` may change; 404 when there
 * is none, 403 when it belongs to another browser (or the request names no browser).
 */
async function ownCommentOr403(tx: Tx, mapId: string, commentId: string, actor: Actor, verb: 'edit' | 'delete', moderator = false): Promise<CommentRow> {
  const row = await tx.comment.findFirst({ where: { id: commentId, mapId, deletedAt: null, node: { deletedAt: null } }, select: COMMENT_SELECT });
  if (!row) throw new AppError('not_found', `There is no comment "${commentId}" on this map.`);
  if (!moderator && !ownedBy(row.authorKey, actor.ownerKey ?? '')) {
    throw new AppError('forbidden', `Only the browser that wrote this comment can ${verb} it.`);
  }
  return row;
}

async function ratingOf(tx: Tx, nodeId: string): Promise<Rating> {
  const result = await tx.vote.aggregate({ where: { nodeId }, _avg: { value: true }, _count: { _all: true } });
  return { average: result._avg.value ?? 0, count: result._count._all };
}

/**
 * `GET /api/maps/{slug}/nodes/{id}/comments`: the live comments on a live node, oldest first,
 * each with `mine` for the browser `viewerKey`.
 */
export async function listComments(mapId: string, nodeId: string, viewerKey = ''): Promise<CommentView[]> {
  const client = await db();
  await requireLiveNode(client, mapId, nodeId);
  const rows = await client.comment.findMany({
    where: { mapId, nodeId, deletedAt: null },
    select: COMMENT_SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => commentFor(row, viewerKey));
}

/**
 * `POST /api/maps/{slug}/nodes/{id}/comments`: adds a comment to a live node's thread, owned by
 * the actor's browser. Signed with `input.author`, else the actor's name, else "Anonymous".
 */
export async function addComment(mapId: string, nodeId: string, input: CommentCreateInput, actor: Actor): Promise<CommentView> {
  const client = await db();
  const { row } = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    await requireLiveNode(tx, mapId, nodeId);
    // One timestamp for both, so `updatedAt !== createdAt` means "edited".
    const now = new Date();
    const row = await tx.comment.create({
      data: {
        mapId,
        nodeId,
        author: input.author || actor.name || 'Anonymous',
        authorKey: actor.ownerKey ?? '',
        text: input.text,
        createdAt: now,
        updatedAt: now,
      },
      select: COMMENT_SELECT,
    });
    await recordEvent(tx, mapId, 'comment.created', actor, publicComment(row));
    return { mapId, row };
  });
  announce(mapId);
  return commentFor(row, actor.ownerKey ?? '');
}

/**
 * `PATCH /api/maps/{slug}/comments/{commentId}`: changes the text of a comment — its writer may, and
 * so may the map's owner (`moderator`). The same text again changes nothing (no write, no event).
 */
export async function editComment(mapId: string, commentId: string, input: CommentUpdateInput, actor: Actor, moderator = false): Promise<CommentView> {
  const client = await db();
  const { row, changed } = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const current = await ownCommentOr403(tx, mapId, commentId, actor, 'edit', moderator);
    if (current.text === input.text) return { mapId, row: current, changed: false };
    const row = await tx.comment.update({ where: { id: commentId }, data: { text: input.text }, select: COMMENT_SELECT });
    // The owner rewording someone else's comment is moderation: its earlier words leave the log for
    // everyone but the owner (lib/argument/moderation.ts#redactEvent).
    const moderated = !ownedBy(current.authorKey, actor.ownerKey ?? '');
    await recordEvent(tx, mapId, 'comment.updated', actor, { ...publicComment(row), ...(moderated ? { moderated } : {}) });
    return { mapId, row, changed: true };
  });
  if (changed) announce(mapId);
  return commentFor(row, actor.ownerKey ?? '');
}

/** `DELETE /api/maps/{slug}/comments/{commentId}`: soft-deletes a comment — its writer may, and so may the map's owner (`moderator`). */
export async function deleteComment(mapId: string, commentId: string, actor: Actor, moderator = false): Promise<{ id: string; nodeId: string }> {
  const client = await db();
  const { deleted } = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    const current = await ownCommentOr403(tx, mapId, commentId, actor, 'delete', moderator);
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
    const deleted = { id: current.id, nodeId: current.nodeId };
    await recordEvent(tx, mapId, 'comment.deleted', actor, deleted);
    return { mapId, deleted };
  });
  announce(mapId);
  return deleted;
}

/** A node's crowd rating, and the requesting browser's own vote (null when it has none). */
export interface VoteSummary {
  rating: Rating;
  mine: number | null;
}

/**
 * `PUT /api/maps/{slug}/nodes/{id}/vote`: sets (or, with null, withdraws) the actor's browser's
 * 0–4 rating of a live node — one vote per node per browser. Casting the value it already has
 * changes nothing (no write, no event). 400 when the request names no browser.
 */
export async function castVote(mapId: string, nodeId: string, value: number | null, actor: Actor): Promise<VoteSummary> {
  const voterKey = actor.ownerKey ?? '';
  if (!voterKey) throw new AppError('bad_request', 'Votes need a browser id; reload the page.');
  const client = await db();
  const { rating, changed } = await client.$transaction(async (tx) => {
    await lockMapRow(tx, mapId);
    await requireLiveNode(tx, mapId, nodeId);
    const key = { nodeId_voterKey: { nodeId, voterKey } };
    const existing = await tx.vote.findUnique({ where: key, select: { value: true } });
    const changed = (existing?.value ?? null) !== value;
    if (changed) {
      if (value === null) await tx.vote.delete({ where: key });
      else await tx.vote.upsert({ where: key, create: { mapId, nodeId, voterKey, value }, update: { value } });
    }
    const rating = await ratingOf(tx, nodeId);
    if (changed) await recordEvent(tx, mapId, 'vote.cast', actor, { nodeId, rating });
    return { mapId, rating, changed };
  });
  if (changed) announce(mapId);
  return { rating, mine: value };
}

/** `GET /api/maps/{slug}/nodes/{id}/vote`: a live node's crowd rating and the browser `viewerKey`'s vote. */
export async function voteSummary(mapId: string, nodeId: string, viewerKey = ''): Promise<VoteSummary> {
  const client = await db();
  await requireLiveNode(client, mapId, nodeId);
  const [rating, own] = await Promise.all([
    ratingOf(client, nodeId),
    viewerKey ? client.vote.findUnique({ where: { nodeId_voterKey: { nodeId, voterKey: viewerKey } }, select: { value: true } }) : null,
  ]);
  return { rating, mine: own?.value ?? null };
}

/**
 * The crowd rating of every live node of a map that has at least one vote, by node id (nodes
 * without votes are absent: read them as {@link NO_RATING}).
 */
export async function ratingsForMap(mapId: string): Promise<Record<string, Rating>> {
  const client = await db();
  const groups = await client.vote.groupBy({
    by: ['nodeId'],
    where: { mapId, node: { deletedAt: null } },
    _avg: { value: true },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.nodeId, { average: g._avg.value ?? 0, count: g._count._all }]));
}

/** How many live comments each live node of a map has, by node id (nodes without comments are absent). */
export async function commentCountsForMap(mapId: string): Promise<Record<string, number>> {
  const client = await db();
  const groups = await client.comment.groupBy({
    by: ['nodeId'],
    where: { mapId, deletedAt: null, node: { deletedAt: null } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.nodeId, g._count._all]));
}
