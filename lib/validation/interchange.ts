import './zod-config';
import { z } from 'zod';
import { MAP_TITLE_MAX } from './limits';

/**
 * Schemas for import and export: the query of `GET /api/maps/{slug}/export`, the body of
 * `POST /api/maps/import`, and the shape of an AIF file (checked before its graph is read).
 */

/** What a map can be exported as: Argdown text, AIF JSON, or the map as `GET /api/maps/{slug}` answers it. */
export const EXPORT_FORMATS = ['argdown', 'aif', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a map can be imported from. */
export const IMPORT_FORMATS = ['aif', 'argdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** GET /api/maps/{slug}/export?format=… */
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(', ')}.` }),
});

/** POST /api/maps/import. `content` is the file's text (AIF too: the JSON as a string); its size limit is checked by the route. */
export const importBodySchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, { error: `format must be one of: ${IMPORT_FORMATS.join(', ')}.` }),
    title: z
      .string({ error: 'A title is required.' })
      .trim()
      .min(1, { error: 'A title is required.' })
      .max(MAP_TITLE_MAX, { error: `Titles are at most ${MAP_TITLE_MAX} characters.` }),
    content: z.string({ error: 'content must be the text of the file (for AIF, the JSON as a string).' }),
  })
  .strict();
export type ImportBody = z.infer<typeof importBodySchema>;

/**
 * AIF node types as AIFdb writes them: `I` (information: a statement), `RA` (inference), `CA`
 * (conflict), `MA` (rephrase), `PA` (preference), and the dialogue types `L` (locution), `TA`
 * (transition) and `YA` (illocution).
 */
export const AIF_NODE_TYPES = ['I', 'L', 'RA', 'CA', 'MA', 'TA', 'YA', 'PA'] as const;
export type AifNodeType = (typeof AIF_NODE_TYPES)[number];

/** AIF ids are strings in AIFdb's JSON and numbers in some older exports; both are read as strings. */
const aifIdSchema = z.union([z.string().trim().min(1), z.number()], { error: 'An id must be a non-empty string or a number.' }).transform(String);

/**
 * One AIF node. Other fields (`timestamp`, `schemeID`, …) are allowed and ignored. `scheme` names
 * the scheme of an RA node; `kind` (an I-node's kind) and `question` (a CA node's critical question)
 * are Argmap's own additions, read back when present.
 */
export const aifNodeSchema = z.looseObject({
  nodeID: aifIdSchema,
  text: z.string({ error: 'text must be a string.' }).optional(),
  type: z.enum(AIF_NODE_TYPES, { error: `type must be one of: ${AIF_NODE_TYPES.join(', ')}.` }),
  scheme: z.unknown().optional(),
  kind: z.unknown().optional(),
  question: z.unknown().optional(),
});

/** One AIF edge: it runs from a node to the node it feeds (premise → RA → conclusion, attacker → CA → target). */
export const aifEdgeSchema = z.looseObject({
  fromID: aifIdSchema,
  toID: aifIdSchema,
});

/** An AIF file as AIFdb and AraucariaDB export it: `{ nodes, edges }` (a `locutions` list and other fields are ignored). */
export const aifDocumentSchema = z.looseObject({
  nodes: z.array(aifNodeSchema, { error: 'nodes must be a list of AIF nodes.' }),
  edges: z.array(aifEdgeSchema, { error: 'edges must be a list of AIF edges.' }),
});
