/**
 * Import and export of argument maps: Argdown (https://argdown.org) and the Argument Interchange
 * Format (AIF, as AIFdb/AraucariaDB write it in JSON). Pure functions; the routes and
 * `lib/db/import.ts` do the HTTP and the database.
 */
import type { ImportFormat } from './formats';
import { fromAif } from './aif';
import { fromArgdown } from './argdown-import';
import { InterchangeError, type ImportedGraph } from './imported-graph';

export { toArgdown, escapeArgdownText, type ArgdownExportInput } from './argdown-export';
export { fromArgdown } from './argdown-import';
export { toAif, fromAif, type AifDocument, type AifEdge, type AifNode } from './aif';
export { inferKinds, withInferredKinds } from './infer-kinds';
export { catalogueSchemeId, schemeName } from './scheme-names';
export { IMPORTED_AUTHOR, InterchangeError, importedNode, type ImportedGraph, type InterchangeIssue } from './imported-graph';

/**
 * Reads a file's text in the given format. AIF text must be JSON; its graph is then read by
 * {@link fromAif}, Argdown's by {@link fromArgdown}. Throws {@link InterchangeError} (paths are
 * relative to the file) when the file cannot be imported.
 */
export function importGraph(format: ImportFormat, content: string): ImportedGraph {
  if (format === 'argdown') return fromArgdown(content);
  if (content.trim() === '') throw new InterchangeError('The AIF file is empty.', [{ path: [], message: 'The file is empty.' }]);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'it cannot be parsed';
    throw new InterchangeError('The AIF file is not valid JSON.', [{ path: [], message: `Not JSON: ${detail}` }]);
  }
  return fromAif(json);
}
