import type { ArgNode, ArgumentGraph, NodeKind } from '../model';

/**
 * A graph read from an AIF or Argdown file, before it is stored. Ids are the file's own (AIF
 * `nodeID`s, Argdown statement and argument titles); the database gives every node, inference and
 * conflict a fresh id when the map is created. Every node is `quote: null` (a file carries no essay),
 * `implicit: false`, `author: "Imported"`, `position: null` and `version: 1`.
 */
export type ImportedGraph = ArgumentGraph;

/** Author of every imported node. */
export const IMPORTED_AUTHOR = 'Imported';

/** A node as an import creates it; its kind is usually settled later by `inferKinds`. */
export function importedNode(id: string, text: string, kind: NodeKind = 'premise'): ArgNode {
  return { id, kind, text, quote: null, implicit: false, author: IMPORTED_AUTHOR, position: null, version: 1 };
}

/** One thing wrong with an imported file. `path` locates it inside the file (`["nodes", 3, "type"]`); `[]` is the file as a whole. */
export interface InterchangeIssue {
  path: (string | number)[];
  message: string;
}

/**
 * A file that cannot be imported. `message` says what is wrong in one sentence; `issues` say where
 * (for AIF a JSON path into the file, for Argdown the line and column in the message).
 */
export class InterchangeError extends Error {
  readonly issues: InterchangeIssue[];

  constructor(message: string, issues: InterchangeIssue[] = []) {
    super(message);
    this.name = 'InterchangeError';
    this.issues = issues;
  }
}

/** Runs of whitespace (line breaks included) become one space; ends are trimmed. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
