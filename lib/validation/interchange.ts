import './zod-config';
import { z } from 'zod';
import { MAP_TITLE_MAX } from './limits';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../argument/interchange/formats';

export {
  AIF_NODE_TYPES,
  aifDocumentSchema,
  aifEdgeSchema,
  aifNodeSchema,
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  type AifNodeType,
  type ExportFormat,
  type ImportFormat,
} from '../argument/interchange/formats';

/**
 * Schemas for import and export: the query of `GET /api/maps/{slug}/export` and the body of
 * `POST /api/maps/import` (the formats and the AIF file's shape are in lib/argument/interchange/formats.ts).
 */

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
