import '../../validation/zod-config';
import { z } from 'zod';

/**
 * The interchange formats: what a map is exported as and imported from, and the shape of an AIF
 * file (checked before its graph is read). Request schemas that use them are in
 * lib/validation/interchange.ts.
 */

/** What a map can be exported as: Argdown text, AIF JSON, or the map as `GET /api/maps/{slug}` answers it. */
export const EXPORT_FORMATS = ['argdown', 'aif', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a map can be imported from. */
export const IMPORT_FORMATS = ['aif', 'argdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

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
