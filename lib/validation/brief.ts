import './zod-config';
import { z } from 'zod';
import { SIDES } from '../argument/brief';
import { monthSchema } from './node';

/** The query of `GET /api/maps/{slug}/brief` and of the brief page. */

/** What a brief can be downloaded as: Markdown to print or edit, or the brief's data as JSON. */
export const BRIEF_FORMATS = ['markdown', 'json'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/**
 * GET /api/maps/{slug}/brief?side=affirmative|negative&format=markdown|json[&asOf=YYYY-MM] (format
 * defaults to markdown; with asOf the map is judged as of that month, later points set aside).
 */
export const briefQuerySchema = z.object({
  side: z.enum(SIDES, { error: `side must be one of: ${SIDES.join(', ')}.` }),
  format: z.enum(BRIEF_FORMATS, { error: `format must be one of: ${BRIEF_FORMATS.join(', ')}.` }).default('markdown'),
  asOf: monthSchema.optional(),
});
export type BriefQuery = z.infer<typeof briefQuerySchema>;

/** The brief page's `?side=`: anything but `negative` shows the affirmative, so an old or mistyped link still opens. */
export const briefPageSideSchema = z.enum(SIDES).catch('affirmative');

/** The brief page's `?asOf=`: a month that has happened, else null (judged today), so an old or mistyped link still opens. */
export const briefPageAsOfSchema = monthSchema.nullable().catch(null);
