import 'server-only';
import type { CommentView, Rating } from '../argument/discussion';
import { decideAddComment, decideCastVote, decideDeleteComment, decideEditComment, ownedBy, ratingFrom } from '../argument/discuss';
import { AppError } from '../validation/app-error';
import type { CommentCreateInput, CommentUpdateInput } from '../validation/discussion';
import type { PrismaClient } from '@/generated/prisma/client';
import { db, mapTransaction, sqlRead } from './client';
import { announce } from './event-bus';
import { recordEventIn, type Actor } from './events';
import { newId } from './graph-rows';
import { decided } from './refuse';
import { dateOf, type Sql } from './sql';

/**
 * Comments and votes on a map's nodes. A comment belongs to whoever wrote it (`authorKey`: an
 * account's or member's key, else the anonymous browser's owner key) and a vote to whoever cast it
 * (`voterKey`: an account's or member's key, else the server-signed voter id of an anonymous
 * browser — see the votes route and lib/auth/voter.ts); those keys never leave this module —
 * answers and events carry `mine` or nothing instead. The changes are decided by the pure rules of
 * lib/argument/discuss.ts on facts read in one plain-SQL transaction, after the map's lock.
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

/** The client, as the reads outside a transaction use it. */
type Tx = Pick<PrismaClient, 'argumentMap' | 'node' | 'comment' | 'vote' | 'mapEvent'>;

/** 404 unless `nodeId` is a node of the map that has not been deleted. */
async function requireLiveNode(tx: Tx, mapId: string, nodeId: string): Promise<void> {
  const row = await tx.node.findFirst({ where: { id: nodeId, mapId, deletedAt: null }, select: { id: true } });
  if (!row) throw new AppError('not_found', `There is no node "${nodeId}" on this map.`);
}

/** Whether `nodeId` is a live node of the map, in plain SQL. */
async function pointLiveIn(sql: Sql, mapId: string, nodeId: string): Promise<boolean> {
  return (await sql.one('SELECT 1 FROM "Node" WHERE "id" = ? AND "mapId" = ? AND "deletedAt" IS NULL', nodeId, mapId)) !== undefined;
}

/** The live comment `commentId` of the map, on a live node; undefined when there is none. */
async function liveCommentIn(sql: Sql, mapId: string, commentId: string): Promise<CommentRow | undefined> {
  const row = await sql.one<Omit<CommentRow, 'createdAt' | 'updatedAt'> & { createdAt: unknown; updatedAt: unknown }>(
    `SELECT c."id", c."nodeId", c."author", c."authorKey", c."text", c."createdAt", c."updatedAt"
     FROM "Comment" c JOIN "Node" n ON n."id" = c."nodeId"
     WHERE c."id" = ? AND c."mapId" = ? AND c."deletedAt" IS NULL AND n."deletedAt" IS NULL`,
    commentId,
    mapId,
  );
  return row && { ...row, createdAt: dateOf(row.createdAt), updatedAt: dateOf(row.updatedAt) };
}

/** A node's crowd rating, in plain SQL: the mean taken here, so both databases answer the same number. */
async function ratingIn(sql: Sql, nodeId: string): Promise<Rating> {
  const row = await sql.one<{ total: number | null; n: number }>('SELECT SUM("value") AS "total", COUNT(*) AS "n" FROM "Vote" WHERE "nodeId" = ?', nodeId);
  return ratingFrom(row?.total ?? null, row?.n ?? 0);
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
 * the actor's browser. Signed with `input.author`, else the actor's name, else "Anonymous"
 * (`decideAddComment`).
 */
export async function addComment(mapId: string, nodeId: string, input: CommentCreateInput, actor: Actor): Promise<CommentView> {
  const row = await mapTransaction(mapId, async (sql) => {
    const { author } = decided(decideAddComment(nodeId, input, { pointLive: await pointLiveIn(sql, mapId, nodeId), actorName: actor.name }));
    // One timestamp for both, so `updatedAt !== createdAt` means "edited".
    const now = new Date();
    const row: CommentRow = { id: newId(), nodeId, author, authorKey: actor.ownerKey ?? '', text: input.text, createdAt: now, updatedAt: now };
    await sql.run(
      'INSERT INTO "Comment" ("id", "mapId", "nodeId", "author", "authorKey", "text", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      row.id,
      mapId,
      nodeId,
      row.author,
      row.authorKey,
      row.text,
      now,
      now,
    );
    await recordEventIn(sql, mapId, 'comment.created', actor, publicComment(row), now);
    return row;
  });
  announce(mapId);
  return commentFor(row, actor.ownerKey ?? '');
}

/**
 * `PATCH /api/maps/{slug}/comments/{commentId}`: changes the text of a comment — its writer may, and
 * so may the map's owner (`moderator`). The same text again changes nothing (no write, no event).
 * Decided by `decideEditComment`.
 */
export async function editComment(mapId: string, commentId: string, input: CommentUpdateInput, actor: Actor, moderator = false): Promise<CommentView> {
  const { row, changed } = await mapTransaction(mapId, async (sql) => {
    const current = await liveCommentIn(sql, mapId, commentId);
    const edit = decided(decideEditComment(commentId, input.text, current, { key: actor.ownerKey ?? '', moderator }));
    if (!edit.changed) return { row: current!, changed: false };
    const now = new Date();
    await sql.run('UPDATE "Comment" SET "text" = ?, "updatedAt" = ? WHERE "id" = ?', edit.text, now, commentId);
    const row: CommentRow = { ...current!, text: edit.text, updatedAt: now };
    // The owner rewording someone else's comment is moderation: its earlier words leave the log for
    // everyone but the owner (lib/argument/moderation.ts#redactEvent).
    await recordEventIn(sql, mapId, 'comment.updated', actor, { ...publicComment(row), ...(edit.moderated ? { moderated: true as const } : {}) }, now);
    return { row, changed: true };
  });
  if (changed) announce(mapId);
  return commentFor(row, actor.ownerKey ?? '');
}

/**
 * `DELETE /api/maps/{slug}/comments/{commentId}`: soft-deletes a comment — its writer may, and so may
 * the map's owner (`moderator`), as `decideDeleteComment` decides.
 */
export async function deleteComment(mapId: string, commentId: string, actor: Actor, moderator = false): Promise<{ id: string; nodeId: string }> {
  const deleted = await mapTransaction(mapId, async (sql) => {
    const current = await liveCommentIn(sql, mapId, commentId);
    decided(decideDeleteComment(commentId, current, { key: actor.ownerKey ?? '', moderator }));
    const now = new Date();
    await sql.run('UPDATE "Comment" SET "deletedAt" = ?, "updatedAt" = ? WHERE "id" = ?', now, now, commentId);
    const deleted = { id: current!.id, nodeId: current!.nodeId };
    await recordEventIn(sql, mapId, 'comment.deleted', actor, deleted, now);
    return deleted;
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
  const { rating, changed } = await mapTransaction(mapId, async (sql) => {
    // Nothing is read for a request that names no browser: it is refused first.
    const existing = voterKey
      ? await sql.one<{ value: number }>('SELECT "value" FROM "Vote" WHERE "nodeId" = ? AND "voterKey" = ?', nodeId, voterKey)
      : undefined;
    const facts = { voterKey, pointLive: voterKey !== '' && (await pointLiveIn(sql, mapId, nodeId)), current: existing?.value ?? null };
    const change = decided(decideCastVote(nodeId, value, facts));
    const now = new Date();
    if (change.write === 'withdraw') await sql.run('DELETE FROM "Vote" WHERE "nodeId" = ? AND "voterKey" = ?', nodeId, voterKey);
    else if (change.write === 'set' && change.exists) {
      await sql.run('UPDATE "Vote" SET "value" = ?, "updatedAt" = ? WHERE "nodeId" = ? AND "voterKey" = ?', change.value, now, nodeId, voterKey);
    } else if (change.write === 'set') {
      await sql.run(
        'INSERT INTO "Vote" ("id", "mapId", "nodeId", "voterKey", "value", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        newId(),
        mapId,
        nodeId,
        voterKey,
        change.value,
        now,
        now,
      );
    }
    const changed = change.write !== 'none';
    const rating = await ratingIn(sql, nodeId);
    if (changed) await recordEventIn(sql, mapId, 'vote.cast', actor, { nodeId, rating }, now);
    return { rating, changed };
  });
  if (changed) announce(mapId);
  return { rating, mine: value };
}

/** `GET /api/maps/{slug}/nodes/{id}/vote`: a live node's crowd rating and the browser `viewerKey`'s vote. */
export async function voteSummary(mapId: string, nodeId: string, viewerKey = ''): Promise<VoteSummary> {
  return sqlRead(async (sql) => {
    if (!(await pointLiveIn(sql, mapId, nodeId))) throw new AppError('not_found', `There is no node "${nodeId}" on this map.`);
    const rating = await ratingIn(sql, nodeId);
    const own = viewerKey ? await sql.one<{ value: number }>('SELECT "value" FROM "Vote" WHERE "nodeId" = ? AND "voterKey" = ?', nodeId, viewerKey) : undefined;
    return { rating, mine: own?.value ?? null };
  });
}

/**
 * The crowd rating of every live node of a map that has at least one vote, by node id (nodes
 * without votes are absent: read them as {@link NO_RATING}); the same sum and count as `ratingIn`.
 */
export async function ratingsIn(sql: Sql, mapId: string): Promise<Record<string, Rating>> {
  const rows = await sql.all<{ nodeId: string; total: number; n: number }>(
    `SELECT v."nodeId" AS "nodeId", SUM(v."value") AS "total", COUNT(*) AS "n" FROM "Node" p JOIN "Vote" v ON v."nodeId" = p."id"
     WHERE p."mapId" = ? AND p."deletedAt" IS NULL GROUP BY v."nodeId" ORDER BY v."nodeId"`,
    mapId,
  );
  return Object.fromEntries(rows.map((row) => [row.nodeId, ratingFrom(row.total, row.n)]));
}

/** How many live comments each live node of a map has, by node id (nodes without comments are absent). */
export async function commentCountsIn(sql: Sql, mapId: string): Promise<Record<string, number>> {
  const rows = await sql.all<{ nodeId: string; n: number }>(
    `SELECT c."nodeId" AS "nodeId", COUNT(*) AS "n" FROM "Node" p JOIN "Comment" c ON c."nodeId" = p."id"
     WHERE p."mapId" = ? AND p."deletedAt" IS NULL AND c."deletedAt" IS NULL GROUP BY c."nodeId" ORDER BY c."nodeId"`,
    mapId,
  );
  return Object.fromEntries(rows.map((row) => [row.nodeId, row.n]));
}
