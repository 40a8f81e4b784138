import './zod-config';
import { z } from 'zod';
import {
  AFFIRMATIVE_STOCK_ISSUES,
  MONTH_PATTERN,
  NEGATIVE_STOCK_ISSUES,
  NODE_KINDS,
  RELATIONS,
  RETYPABLE_KINDS,
  STOCK_ISSUES,
  UNSTATABLE_KINDS,
  type NodeKind,
  type StockIssue,
} from '../argument/model';
import { currentMonth, monthLabel } from '../argument/as-of';
import { questionById, SCHEME_IDS } from '../argument/schemes';
import { AUTHOR_NAME_MAX, ID_MAX, NODE_TEXT_MAX, NODE_TEXT_MIN, POSITION_LIMIT, POSITIONS_BATCH_MAX, QUESTION_ID_MAX, STORED_INT_MAX } from './limits';

/**
 * Schemas for node requests. The same schemas validate the forms in the browser and the
 * request bodies on the server; rules that need the map (does the target exist, is the quote
 * inside the document) are checked on the server against the stored map.
 */

export const nodeTextSchema = z
  .string({ error: 'Text is required.' })
  .trim()
  .min(NODE_TEXT_MIN, { error: `Write at least ${NODE_TEXT_MIN} characters.` })
  .max(NODE_TEXT_MAX, {
    error: (issue) =>
      `A point is at most ${NODE_TEXT_MAX.toLocaleString('en-GB')} characters (this has ${String(issue.input).length.toLocaleString('en-GB')}).`,
  });

export const authorNameSchema = z
  .string()
  .trim()
  .max(AUTHOR_NAME_MAX, { error: `Names are at most ${AUTHOR_NAME_MAX} characters.` });

export const idSchema = z.string().min(1, { error: 'An id is required.' }).max(ID_MAX, { error: 'Not a valid id.' });

/** A quote as the client sends it: offsets into the document text; the server fills in the words. */
export const quoteOffsetsSchema = z
  .object({
    start: z.int({ error: 'start must be a whole number.' }).nonnegative({ error: 'start cannot be negative.' }).max(STORED_INT_MAX),
    end: z.int({ error: 'end must be a whole number.' }).nonnegative({ error: 'end cannot be negative.' }).max(STORED_INT_MAX),
  })
  .strict()
  .refine((q) => q.end > q.start, { error: 'The quote must end after it starts.', path: ['end'] });

/**
 * When the facts a point relies on were known: a month, `YYYY-MM`, not after this one. Used by
 * points (`asOf`) and by the map's query string (`?asOf=`, "judge as of").
 */
export const monthSchema = z
  .string({ error: 'A month is written YYYY-MM, e.g. 2009-08.' })
  .regex(MONTH_PATTERN, { error: (issue) => `A month is written YYYY-MM, e.g. 2009-08 (got "${String(issue.input).slice(0, 20)}").` })
  .refine((month) => month <= currentMonth(), { error: (issue) => `${monthLabel(String(issue.input))} has not happened yet.` });

export const stockIssueSchema = z.enum(STOCK_ISSUES, { error: `stockIssue must be one of: ${STOCK_ISSUES.join(', ')}.` });

/**
 * Which stock issues a point of this kind can bear on: a reason (claim, premise, evidence) one of the
 * affirmative's, an objection one of the negative's lines. Null: none.
 */
export function stockIssuesFor(kind: NodeKind): readonly StockIssue[] {
  if (kind === 'claim' || kind === 'premise' || kind === 'evidence') return AFFIRMATIVE_STOCK_ISSUES;
  if (kind === 'objection') return NEGATIVE_STOCK_ISSUES;
  return [];
}

/** Why a point of this kind cannot bear that stock issue, or null when it can. */
export function stockIssueProblem(kind: NodeKind, issue: StockIssue): string | null {
  if (stockIssuesFor(kind).includes(issue)) return null;
  if (kind === 'objection') return `An objection can be the negative's ${NEGATIVE_STOCK_ISSUES.join(' or ')}.`;
  if (kind === 'thesis' || kind === 'rebuttal') return `A ${kind} bears on no single stock issue.`;
  return `A ${kind} can bear on ${AFFIRMATIVE_STOCK_ISSUES.join(', ')}.`;
}

/** Why a point of this kind cannot be unstated, or null when it can. */
export function implicitProblem(kind: NodeKind): string | null {
  return UNSTATABLE_KINDS.includes(kind) ? null : 'Only premises and claims can be unstated.';
}

export const positionSchema = z
  .object({
    x: z.number().min(-POSITION_LIMIT).max(POSITION_LIMIT),
    y: z.number().min(-POSITION_LIMIT).max(POSITION_LIMIT),
  })
  .strict();

/**
 * POST /api/maps/{slug}/nodes. With `target` and `relation` the node is connected as it is added;
 * without them it is placed on the map unconnected (building a map from an essay: mark the span
 * first, connect it later). The thesis is only ever placed unconnected, and a map has one.
 */
export const nodeCreateSchema = z
  .object({
    kind: z.enum(NODE_KINDS, { error: `kind must be one of: ${NODE_KINDS.join(', ')}.` }),
    text: nodeTextSchema,
    /** A node id, or an inference id: to undercut it (attacks) or to add a linked premise to it (supports). */
    target: idSchema.optional(),
    relation: z.enum(RELATIONS, { error: `relation must be one of: ${RELATIONS.join(', ')}.` }).optional(),
    quote: quoteOffsetsSchema.optional(),
    implicit: z.boolean().optional(),
    author: authorNameSchema.optional(),
    /** When the facts it relies on were known (`YYYY-MM`). */
    asOf: monthSchema.optional(),
    stockIssue: stockIssueSchema.optional(),
    /** The critical question this objection raises, `"<scheme>.<cq>"`. */
    question: z
      .string()
      .max(QUESTION_ID_MAX)
      .refine((id) => questionById(id) !== undefined, { error: 'Not a critical question of any scheme in the catalogue.' })
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.target === undefined) !== (body.relation === undefined)) {
      const missing = body.target === undefined ? 'target' : 'relation';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'Send target and relation together, or neither to place the point unconnected.' });
    }
    const connected = body.relation !== undefined;
    if (body.kind === 'thesis' && connected) {
      ctx.addIssue({ code: 'custom', path: ['relation'], message: 'The thesis supports nothing and attacks nothing: place it without a target.' });
    }
    if (body.kind === 'rebuttal' && !connected) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'A rebuttal answers an objection: give the objection as its target.' });
    }
    if (body.question && body.relation !== 'attacks') {
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'A critical question is raised by an objection (relation "attacks").' });
    }
    const attacking = body.kind === 'objection' || body.kind === 'rebuttal';
    if (body.relation === 'attacks' && !attacking) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Only objections and rebuttals can attack.' });
    }
    if (body.relation === 'supports' && attacking) {
      ctx.addIssue({
        code: 'custom',
        path: ['relation'],
        message: `${body.kind === 'objection' ? 'An objection' : 'A rebuttal'} attacks; use relation "attacks".`,
      });
    }
    const unstatable = body.implicit ? implicitProblem(body.kind) : null;
    if (unstatable) ctx.addIssue({ code: 'custom', path: ['implicit'], message: unstatable });
    if (body.implicit && body.quote) {
      ctx.addIssue({ code: 'custom', path: ['quote'], message: 'An unstated point cannot quote the essay.' });
    }
    const stock = body.stockIssue ? stockIssueProblem(body.kind, body.stockIssue) : null;
    if (stock) ctx.addIssue({ code: 'custom', path: ['stockIssue'], message: stock });
    if (body.asOf && body.kind === 'thesis') {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'The thesis is judged as of a month; it has no date of its own.' });
    }
  });
export type NodeCreateInput = z.infer<typeof nodeCreateSchema>;

/**
 * PATCH /api/maps/{slug}/nodes/{id}: edit text, change the kind (among thesis, claim, premise and
 * evidence: making a point the thesis makes the old thesis a claim), or save a position.
 * `version` guards against lost updates of the text.
 */
export const nodeUpdateSchema = z
  .object({
    /** The version the edit was based on; required with `text`. */
    version: z.int({ error: 'version must be a whole number.' }).positive().max(STORED_INT_MAX).optional(),
    text: nodeTextSchema.optional(),
    kind: z.enum(RETYPABLE_KINDS, { error: `kind can be changed to one of: ${RETYPABLE_KINDS.join(', ')}.` }).optional(),
    position: positionSchema.nullable().optional(),
    /** When the facts it relies on were known; null clears it. */
    asOf: monthSchema.nullable().optional(),
    /** The stock issue it bears on; null clears it. */
    stockIssue: stockIssueSchema.nullable().optional(),
    /** On the thesis: whether it proposes a policy. */
    proposal: z.boolean({ error: 'proposal is true or false.' }).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined) && !(Object.keys(b).length === 1 && b.version !== undefined), {
    error: 'Nothing to change: send text, kind, position, asOf, stockIssue or proposal.',
  })
  .refine((b) => b.text === undefined || b.version !== undefined, {
    error: 'Send the version your edit is based on.',
    path: ['version'],
  });
export type NodeUpdateInput = z.infer<typeof nodeUpdateSchema>;

/** The client-side form: text, optional quote, author and unstated flag; the kind and target come from the action. */
export const nodeFormSchema = z.object({
  text: nodeTextSchema,
  author: authorNameSchema,
});

/** PUT /api/maps/{slug}/positions: many positions at once (null clears a saved position). */
export const positionsSchema = z
  .object({
    positions: z
      .record(idSchema, positionSchema.nullable())
      .refine((r) => Object.keys(r).length <= POSITIONS_BATCH_MAX, { error: `At most ${POSITIONS_BATCH_MAX.toLocaleString('en')} positions at once.` }),
  })
  .strict();
export type PositionsInput = z.infer<typeof positionsSchema>;

/** PATCH /api/maps/{slug}/inferences/{id}: name (or, with null, clear) the step's argument scheme. */
export const inferenceUpdateSchema = z
  .object({
    scheme: z.enum(SCHEME_IDS, { error: 'Not a scheme in the catalogue.' }).nullable(),
  })
  .strict();
export type InferenceUpdateInput = z.infer<typeof inferenceUpdateSchema>;

/**
 * POST /api/maps/{slug}/connections: connect two points already on the map (a drag on the canvas,
 * or the Connect form). `supports`: `from` becomes a premise of a new step into `to`, or joins the
 * step `to` as a linked premise; `attacks`: `from` (an objection or rebuttal) disputes `to`, or
 * undercuts it when `to` is a step.
 */
export const connectionCreateSchema = z
  .object({
    from: idSchema,
    to: idSchema,
    relation: z.enum(RELATIONS, { error: `relation must be one of: ${RELATIONS.join(', ')}.` }),
  })
  .strict()
  .refine((b) => b.from !== b.to, { error: 'A point cannot support or attack itself.', path: ['to'] });
export type ConnectionCreateInput = z.infer<typeof connectionCreateSchema>;

/** GET /api/maps/{slug}?asOf=YYYY-MM: judge the map as of that month (points dated later are set aside). */
export const mapViewQuerySchema = z.object({
  asOf: monthSchema.optional(),
});
export type MapViewQuery = z.infer<typeof mapViewQuerySchema>;
