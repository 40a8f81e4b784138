import type { z } from 'zod';
import type { CommentView, Rating } from '@/lib/argument/discussion';
import type { commentCreateSchema, commentUpdateSchema, voteSchema } from '@/lib/validation/discussion';
import { request } from './request';
import { apiPath } from './paths';

/** `POST /api/maps/{slug}/nodes/{id}/comments`: the text, and a name when no account or membership signs it. */
export type CommentCreate = z.input<typeof commentCreateSchema>;
/** `PATCH /api/maps/{slug}/comments/{commentId}`: the new text (the signature stays). */
export type CommentUpdate = z.input<typeof commentUpdateSchema>;
/** `PUT /api/maps/{slug}/nodes/{id}/vote`: a rating 0–4, or null to withdraw this person's. */
export type VoteCast = z.input<typeof voteSchema>;

/** A point's crowd rating and the asking person's own vote (null when they have none). */
export interface VoteSummary {
  rating: Rating;
  mine: number | null;
}

/** `GET /api/maps/{slug}/nodes/{id}/comments` — the point's thread, oldest first, each marked `mine` for this browser. */
export function listComments(slug: string, nodeId: string): Promise<{ comments: CommentView[] }> {
  return request(apiPath('maps', slug, 'nodes', nodeId, 'comments'));
}

/** `POST /api/maps/{slug}/nodes/{id}/comments` — add a comment, owned by this browser (201). */
export function addComment(slug: string, nodeId: string, comment: CommentCreate): Promise<{ comment: CommentView }> {
  return request(apiPath('maps', slug, 'nodes', nodeId, 'comments'), { method: 'POST', body: comment });
}

/** `PATCH /api/maps/{slug}/comments/{commentId}` — edit a comment (its writer, or the owner as moderator). */
export function editComment(slug: string, commentId: string, change: CommentUpdate): Promise<{ comment: CommentView }> {
  return request(apiPath('maps', slug, 'comments', commentId), { method: 'PATCH', body: change });
}

/** `DELETE /api/maps/{slug}/comments/{commentId}` — delete a comment (its writer, or the owner as moderator). */
export function deleteComment(slug: string, commentId: string): Promise<{ deleted: { id: string; nodeId: string } }> {
  return request(apiPath('maps', slug, 'comments', commentId), { method: 'DELETE' });
}

/** `GET /api/maps/{slug}/nodes/{id}/vote` — the point's crowd rating and this person's own vote. */
export function getVote(slug: string, nodeId: string): Promise<VoteSummary> {
  return request(apiPath('maps', slug, 'nodes', nodeId, 'vote'));
}

/** `PUT /api/maps/{slug}/nodes/{id}/vote` — rate the point, or withdraw the rating with null; the rating as it now is. */
export function castVote(slug: string, nodeId: string, vote: VoteCast): Promise<VoteSummary> {
  return request(apiPath('maps', slug, 'nodes', nodeId, 'vote'), { method: 'PUT', body: vote });
}
