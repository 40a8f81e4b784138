import type { ArgumentGraph, ArgNode, Conflict, Inference, NodeKind, StockIssue } from './model';
import { locateQuote } from './quote';

/**
 * A hand-written argument map: statements named by short keys, quotes given as the exact
 * words of the document (their offsets are found, and must be unique, when the spec is built).
 * The seeded analysis of the op-ed is written in this form.
 */
export interface MapSpec {
  nodes: NodeSpec[];
  inferences: InferenceSpec[];
  conflicts: ConflictSpec[];
}

export interface NodeSpec {
  key: string;
  kind: NodeKind;
  text: string;
  /** Exact words from the document; must occur exactly once (or give `occurrence`). */
  quote?: string;
  /** Which occurrence of `quote` is meant, 0-based, when the words occur more than once. */
  occurrence?: number;
  implicit?: boolean;
  author?: string;
  /** When the facts it relies on were known, `YYYY-MM`. */
  asOf?: string;
  stockIssue?: StockIssue;
  /** On the thesis: it proposes a policy. */
  proposal?: boolean;
}

export interface InferenceSpec {
  key: string;
  conclusion: string;
  premises: string[];
  scheme?: string;
}

export interface ConflictSpec {
  key: string;
  attacker: string;
  /** A node key, or an inference key for an undercut. */
  target: { node: string } | { inference: string };
  /** The critical question the attacker raises, `"<scheme>.<cq>"`. */
  question?: string;
}

export class MapSpecError extends Error {}

/**
 * Resolves a spec against its document: quotes become offsets, keys stay as ids.
 * Throws {@link MapSpecError} on a quote that is not in the text (or is ambiguous), on a
 * reference to an unknown key, or on duplicate keys.
 */
export function buildGraphFromSpec(spec: MapSpec, documentText: string, defaultAuthor: string): ArgumentGraph {
  const keys = new Set<string>();
  const claim = (key: string) => {
    if (keys.has(key)) throw new MapSpecError(`duplicate key "${key}"`);
    keys.add(key);
  };
  const nodes: ArgNode[] = spec.nodes.map((n) => {
    claim(n.key);
    let quote: ArgNode['quote'] = null;
    if (n.quote !== undefined) {
      const found = locateQuote(documentText, n.quote, n.occurrence);
      if (!found) throw new MapSpecError(`quote of "${n.key}" is not in the document exactly once: ${JSON.stringify(n.quote)}`);
      quote = found;
    }
    return {
      id: n.key,
      kind: n.kind,
      text: n.text,
      quote,
      implicit: n.implicit ?? false,
      author: n.author ?? defaultAuthor,
      position: null,
      version: 1,
      asOf: n.asOf ?? null,
      stockIssue: n.stockIssue ?? null,
      proposal: n.proposal ?? false,
    };
  });
  const nodeKeys = new Set(nodes.map((n) => n.id));
  const needNode = (key: string, where: string) => {
    if (!nodeKeys.has(key)) throw new MapSpecError(`${where} names unknown node "${key}"`);
  };
  const inferences: Inference[] = spec.inferences.map((inf) => {
    claim(inf.key);
    needNode(inf.conclusion, `inference "${inf.key}"`);
    if (inf.premises.length === 0) throw new MapSpecError(`inference "${inf.key}" has no premises`);
    inf.premises.forEach((p) => needNode(p, `inference "${inf.key}"`));
    return { id: inf.key, conclusion: inf.conclusion, premises: [...inf.premises], scheme: inf.scheme ?? null };
  });
  const inferenceKeys = new Set(inferences.map((i) => i.id));
  const conflicts: Conflict[] = spec.conflicts.map((c) => {
    claim(c.key);
    needNode(c.attacker, `conflict "${c.key}"`);
    if ('node' in c.target) needNode(c.target.node, `conflict "${c.key}"`);
    else if (!inferenceKeys.has(c.target.inference)) {
      throw new MapSpecError(`conflict "${c.key}" names unknown inference "${c.target.inference}"`);
    }
    return { id: c.key, attacker: c.attacker, target: { ...c.target }, ...(c.question ? { question: c.question } : {}) };
  });
  return { nodes, inferences, conflicts };
}
