import type { ArgNode, ArgumentGraph, NodeKind } from '../model';
import { shorten } from '../text';

/**
 * A graph read from an AIF or Argdown file, before it is stored. Ids are the file's own (AIF
 * `nodeID`s, Argdown statement and argument titles); the database gives every node, inference and
 * conflict a fresh id when the map is created. Every node is `quote: null` (a file carries no essay),
 * `implicit: false`, `author: "Imported"`, `position: null` and `version: 1`.
 */
export interface ImportedGraph extends ArgumentGraph {
  /**
   * How many exact duplicates the file repeated and the import merged into the first: steps with
   * the same conclusion, premises and scheme; attacks with the same attacker and target.
   */
  merged: { inferences: number; conflicts: number };
}

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

/** Most issues one refusal lists: a broken file can have one per edge (tens of thousands); the rest are counted. */
export const REPORTED_ISSUES_MAX = 20;

/**
 * A file that cannot be imported. `message` says what is wrong in one sentence; `issues` say where
 * (for AIF a JSON path into the file, for Argdown the line and column in the message). Past
 * REPORTED_ISSUES_MAX, the issues end with one that counts the rest.
 */
export class InterchangeError extends Error {
  readonly issues: InterchangeIssue[];

  constructor(message: string, issues: InterchangeIssue[] = []) {
    super(message);
    this.name = 'InterchangeError';
    this.issues =
      issues.length <= REPORTED_ISSUES_MAX
        ? issues
        : [...issues.slice(0, REPORTED_ISSUES_MAX), { path: [], message: `…and ${issues.length - REPORTED_ISSUES_MAX} more problems like these.` }];
  }
}

/**
 * Ids listed in a message: the first few (each cut when long), then how many more.
 *
 * @example listed(['a', 'b', 'c', 'd', 'e', 'f', 'g']) // 'a, b, c, d, e and 2 more'
 */
export function listed(ids: readonly string[], max = 5): string {
  const shown = ids
    .slice(0, max)
    .map((id) => shorten(id, 60))
    .join(', ');
  return ids.length <= max ? shown : `${shown} and ${ids.length - max} more`;
}

/** Runs of whitespace (line breaks included) become one space; ends are trimmed. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
