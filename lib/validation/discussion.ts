import './zod-config';
import { z } from 'zod';
import { COMMENT_TEXT_MAX, COMMENT_TEXT_MIN, RATING_MAX, RATING_MIN } from './limits';
import { authorNameSchema } from './node';

/**
 * Schemas for the discussion beside the argument: comments on a node and people's ratings of
 * its strength. The comment form in the inspector validates with the same schemas as the server.
 */

export const commentTextSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Write a comment first.' : 'A comment is text.') })
  .trim()
  .min(COMMENT_TEXT_MIN, { error: 'Write a comment first.' })
  .max(COMMENT_TEXT_MAX, { error: `Comments are at most ${COMMENT_TEXT_MAX} characters.` });

/**
 * POST /api/maps/{slug}/nodes/{id}/comments. Without `author` (or with a blank one) the comment is
 * signed with the name the browser sends (`X-Argmap-Name`), else "Anonymous".
 */
export const commentCreateSchema = z
  .object({
    text: commentTextSchema,
    author: authorNameSchema.optional(),
  })
  .strict();
export type CommentCreateInput = z.infer<typeof commentCreateSchema>;

/** PATCH /api/maps/{slug}/comments/{commentId}: only the text changes; the signature stays. */
export const commentUpdateSchema = commentCreateSchema.pick({ text: true });
export type CommentUpdateInput = z.infer<typeof commentUpdateSchema>;

const RANGE_MESSAGE = `Ratings go from ${RATING_MIN} to ${RATING_MAX}.`;

/** PUT /api/maps/{slug}/nodes/{id}/vote: a whole number 0–4, or null to withdraw this browser's rating. */
export const voteSchema = z
  .object({
    value: z
      .int({
        error: (issue) => (issue.input === undefined ? `Send value: a rating from ${RATING_MIN} to ${RATING_MAX}, or null to withdraw yours.` : RANGE_MESSAGE),
      })
      .min(RATING_MIN, { error: RANGE_MESSAGE })
      .max(RATING_MAX, { error: RANGE_MESSAGE })
      .nullable(),
  })
  .strict();
export type VoteInput = z.infer<typeof voteSchema>;
