import './zod-config';
import { z } from 'zod';
import { POLICIES } from '../auth/permissions';
import { monthSchema } from './node';
import { DOCUMENT_AUTHOR_MAX, DOCUMENT_SOURCE_MAX, ESSAY_TEXT_MAX_BYTES, MAP_TITLE_MAX } from './limits';

/** The size of `text` in UTF-8 bytes, the same in the browser and on the server. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "200 KB" for a byte limit, as people read it in messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The message for an essay over {@link ESSAY_TEXT_MAX_BYTES}, shared by the form, the schema and the 413. */
export function essayTooLargeMessage(bytes: number): string {
  return `The essay is ${formatBytes(bytes)}; the limit is ${formatBytes(ESSAY_TEXT_MAX_BYTES)}.`;
}

const mapTitle = z
  .string({ error: 'Give the map a title.' })
  .trim()
  .min(1, { error: 'Give the map a title.' })
  .max(MAP_TITLE_MAX, { error: `Titles are at most ${MAP_TITLE_MAX} characters.` });

/**
 * The essay text: stored exactly as given (never trimmed or normalised — quote offsets index into
 * it), refused when it has no visible character or is over {@link ESSAY_TEXT_MAX_BYTES} in UTF-8.
 */
export const essayTextSchema = z
  .string({ error: 'Paste the essay or choose a .txt or .md file.' })
  .refine((text) => text.trim().length > 0, { error: 'The essay is empty: paste its text or choose a file that has some.' })
  .refine((text) => utf8Bytes(text) <= ESSAY_TEXT_MAX_BYTES, { error: (issue) => essayTooLargeMessage(utf8Bytes(String(issue.input))) });

/**
 * `POST /api/documents` — a new document and an empty map on it. The same schema validates the
 * "New map from an essay" form in the browser. Author and source are trimmed; empty means unknown.
 */
export const documentCreateSchema = z
  .object({
    title: mapTitle,
    author: z
      .string()
      .trim()
      .max(DOCUMENT_AUTHOR_MAX, { error: `Authors are at most ${DOCUMENT_AUTHOR_MAX} characters.` })
      .optional(),
    source: z
      .string()
      .trim()
      .max(DOCUMENT_SOURCE_MAX, { error: `Sources are at most ${DOCUMENT_SOURCE_MAX} characters.` })
      .optional(),
    /** When the essay was published, `YYYY-MM` (optional): a class can judge its argument as of then. */
    published: monthSchema.optional(),
    text: essayTextSchema,
  })
  .strict();
export type DocumentCreateInput = z.infer<typeof documentCreateSchema>;

/** The slug in `/api/documents/{slug}/…`: lower-case letters, digits and hyphens. */
export const documentSlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'That is not a document slug.' });

/**
 * `PATCH /api/maps/{slug}` — change the map's settings: rename it (`title`), archive or restore it
 * (`archived`), set its access `policy` and make it `anonymous` for its class (owner only). At least
 * one field; nothing else.
 */
export const mapUpdateSchema = z
  .object({
    title: mapTitle.optional(),
    archived: z.boolean({ error: 'archived is true or false.' }).optional(),
    policy: z.enum(POLICIES, { error: 'policy is open, invite or read-only.' }).optional(),
    anonymous: z.boolean({ error: 'anonymous is true or false.' }).optional(),
  })
  .strict()
  .refine((body) => body.title !== undefined || body.archived !== undefined || body.policy !== undefined || body.anonymous !== undefined, {
    error: 'Send at least one of title, archived, policy or anonymous.',
  });
export type MapUpdateInput = z.infer<typeof mapUpdateSchema>;
