import { isNodeTarget, NODE_KINDS, type ArgNode, type ArgumentGraph, type Conflict, type Inference, type NodeKind } from '../model';
import { questionById } from '../schemes';
import { NODE_TEXT_MAX } from '../../validation/limits';
import { aifDocumentSchema, type AifNodeType } from './formats';
import { importedNode, InterchangeError, listed, type ImportedGraph, type InterchangeIssue } from './imported-graph';
import { quoted, selfConnectionProblem, settleImport } from './import-rules';
import { catalogueSchemeId, schemeName } from './scheme-names';

/**
 * The Argument Interchange Format (AIF) in the JSON form AIFdb and AraucariaDB export:
 * `{ nodes: [{ nodeID, text, type }], edges: [{ edgeID, fromID, toID }] }`. Statements are I-nodes,
 * an inference is an RA node (premise I-nodes → RA → conclusion I-node), a conflict is a CA node
 * (attacker I-node → CA → target I-node, or → target RA node for an undercut).
 */

/** An AIF node as {@link toAif} writes it. */
export interface AifNode {
  nodeID: string;
  text: string;
  type: 'I' | 'RA' | 'CA';
  /** RA only: the scheme's name, as AIFdb names schemes on RA nodes. */
  scheme?: string;
  /** I only, Argmap's addition: the node's kind, so an import restores it. */
  kind?: NodeKind;
  /** CA only, Argmap's addition: the critical question the attack raises (`"<scheme>.<question>"`). */
  question?: string;
}

export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
}

/** An AIF document; `locutions` is always empty (a map records no dialogue). */
export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: [];
}

/** Longest scheme name kept from a file; longer ones are cut (a name, not a text). */
const SCHEME_NAME_MAX = 100;

/** Texts AIF tools give S-nodes that name no scheme. */
const GENERIC_S_NODE_TEXTS = new Set(['', 'ra', 'ca', 'ma', 'default inference', 'default conflict', 'default rephrase']);

/**
 * Writes a graph as AIF. Ids are numbered afresh (I-nodes first, then RA, then CA, in graph order),
 * as AIFdb numbers them. RA nodes carry their scheme's name in `scheme` and `text` ("Default
 * Inference" when none is named); I-nodes carry their `kind` so {@link fromAif} can restore it.
 */
export function toAif(graph: ArgumentGraph): AifDocument {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const aifId = new Map<string, string>();
  const add = (key: string, node: Omit<AifNode, 'nodeID'>) => {
    const nodeID = String(nodes.length + 1);
    aifId.set(key, nodeID);
    nodes.push({ nodeID, ...node });
    return nodeID;
  };
  const link = (fromID: string | undefined, toID: string | undefined) => {
    if (fromID !== undefined && toID !== undefined) edges.push({ edgeID: String(edges.length + 1), fromID, toID });
  };

  for (const node of graph.nodes) add(`node:${node.id}`, { text: node.text, type: 'I', kind: node.kind });
  for (const inference of graph.inferences) {
    const scheme = inference.scheme === null ? undefined : schemeName(inference.scheme);
    const ra = add(`inference:${inference.id}`, { text: scheme ?? 'Default Inference', type: 'RA', ...(scheme ? { scheme } : {}) });
    for (const premise of inference.premises) link(aifId.get(`node:${premise}`), ra);
    link(ra, aifId.get(`node:${inference.conclusion}`));
  }
  for (const conflict of graph.conflicts) {
    const ca = add(`conflict:${conflict.id}`, { text: 'Default Conflict', type: 'CA', ...(conflict.question ? { question: conflict.question } : {}) });
    link(aifId.get(`node:${conflict.attacker}`), ca);
    const target = isNodeTarget(conflict.target) ? `node:${conflict.target.node}` : `inference:${conflict.target.inference}`;
    link(ca, aifId.get(target));
  }
  return { nodes, edges, locutions: [] };
}

/**
 * Reads an AIF document (already parsed from JSON) into a graph whose ids are the file's `nodeID`s.
 *
 * - `I` nodes become nodes; `RA` nodes inferences; `CA` nodes conflicts (an edge CA → RA is an undercut).
 * - `MA` (default rephrase) nodes become one-step inferences without a scheme: the rephrased
 *   statement stays connected to what it rephrases, which the map can show, instead of floating free.
 * - Dialogue nodes (`L`, `TA`, `YA`), preferences (`PA`) and every edge touching them are ignored,
 *   as are edges our model has no place for (RA → RA, RA → CA, CA → CA).
 * - Kinds come from Argmap's `kind` field when present, otherwise from the structure (`inferKinds`).
 *
 * - The rules of every import then apply (`settleImport`): exact duplicates of a step or an attack
 *   are merged (counted in `merged`), and a map's limits hold.
 *
 * Throws {@link InterchangeError} with paths into the file (`["nodes", 3, "type"]`) when the file is
 * not AIF, an edge names an unknown node, an RA lacks a premise or conclusion, a CA lacks an
 * attacker or target, a statement supports or attacks itself (refused as `POST …/connections`
 * refuses it), an I-node has no text or more than NODE_TEXT_MAX characters, there is no I-node, or
 * there are more statements, steps, attacks or premises of one step than a map holds.
 */
export function fromAif(json: unknown): ImportedGraph {
  const parsed = aifDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message }));
    throw new InterchangeError('The file is not valid AIF.', issues);
  }
  const doc = parsed.data;
  const issues: InterchangeIssue[] = [];

  const indexOf = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (indexOf.has(node.nodeID)) issues.push({ path: ['nodes', i, 'nodeID'], message: `Another node already has the id ${quoted(node.nodeID)}.` });
    else indexOf.set(node.nodeID, i);
    if (node.type !== 'I') return;
    const text = node.text?.trim() ?? '';
    if (text === '') issues.push({ path: ['nodes', i, 'text'], message: `I-node ${quoted(node.nodeID)} has no text.` });
    else if (text.length > NODE_TEXT_MAX) {
      issues.push({
        path: ['nodes', i, 'text'],
        message: `I-node ${quoted(node.nodeID)} has ${text.length} characters; a node holds at most ${NODE_TEXT_MAX}.`,
      });
    }
  });
  doc.edges.forEach((edge, j) => {
    for (const end of ['fromID', 'toID'] as const) {
      if (!indexOf.has(edge[end])) issues.push({ path: ['edges', j, end], message: `No node has the id ${quoted(edge[end])}.` });
    }
  });
  if (issues.length > 0) throw new InterchangeError('The AIF file is not consistent.', issues);

  const typeOf = (id: string): AifNodeType => doc.nodes[indexOf.get(id)!].type;
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  const append = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const { fromID, toID } of doc.edges) {
    append(incoming, toID, fromID);
    append(outgoing, fromID, toID);
  }
  const ofType = (ids: string[] | undefined, types: AifNodeType[]) => [...new Set(ids ?? [])].filter((id) => types.includes(typeOf(id)));

  const inferences: Inference[] = [];
  const conflicts: Conflict[] = [];
  const given = new Map<string, NodeKind>();
  const statement = new Map<string, ArgNode>();
  const nodes = doc.nodes.flatMap((node) => {
    if (node.type !== 'I') return [];
    if (typeof node.kind === 'string' && (NODE_KINDS as readonly string[]).includes(node.kind)) given.set(node.nodeID, node.kind as NodeKind);
    const imported = importedNode(node.nodeID, node.text!.trim());
    statement.set(imported.id, imported);
    return [imported];
  });
  /** An issue when `id` would support or attack itself, in the connect rules' words. */
  const refuseSelf = (i: number, what: string, id: string, relation: 'supports' | 'attacks') => {
    const problem = selfConnectionProblem(statement.get(id)!, relation);
    if (problem)
      issues.push({
        path: ['nodes', i],
        message: `${what}: I-node ${quoted(id)} ${relation === 'supports' ? 'is both its premise and its conclusion' : 'is both its attacker and its target'}. ${problem}`,
      });
    return problem !== null;
  };

  doc.nodes.forEach((node, i) => {
    const id = node.nodeID;
    if (node.type === 'RA' || node.type === 'MA') {
      const premises = ofType(incoming.get(id), ['I']);
      const conclusions = ofType(outgoing.get(id), ['I']);
      const what = `${node.type} node ${quoted(id)}`;
      if (premises.length === 0) issues.push({ path: ['nodes', i], message: `${what} has no premise: no edge runs to it from an I-node.` });
      if (conclusions.length === 0) issues.push({ path: ['nodes', i], message: `${what} has no conclusion: no edge runs from it to an I-node.` });
      if (conclusions.length > 1) {
        issues.push({ path: ['nodes', i], message: `${what} has ${conclusions.length} conclusions (${listed(conclusions)}); an inference has one.` });
      }
      if (premises.length > 0 && conclusions.length === 1 && !(premises.includes(conclusions[0]) && refuseSelf(i, what, conclusions[0], 'supports'))) {
        inferences.push({ id, conclusion: conclusions[0], premises, scheme: node.type === 'RA' ? schemeOf(node) : null });
      }
    } else if (node.type === 'CA') {
      const attackers = ofType(incoming.get(id), ['I']);
      const targets = ofType(outgoing.get(id), ['I', 'RA', 'MA']);
      const what = `CA node ${quoted(id)}`;
      if (attackers.length === 0) issues.push({ path: ['nodes', i], message: `${what} has no attacker: no edge runs to it from an I-node.` });
      if (attackers.length > 1) {
        issues.push({ path: ['nodes', i], message: `${what} has ${attackers.length} attackers (${listed(attackers)}); a conflict has one.` });
      }
      if (targets.length === 0) issues.push({ path: ['nodes', i], message: `${what} has no target: no edge runs from it to an I-node or RA node.` });
      if (targets.length > 1) {
        issues.push({ path: ['nodes', i], message: `${what} has ${targets.length} targets (${listed(targets)}); a conflict has one.` });
      }
      if (attackers.length === 1 && targets.length === 1 && !(attackers[0] === targets[0] && refuseSelf(i, what, attackers[0], 'attacks'))) {
        const target = typeOf(targets[0]) === 'I' ? { node: targets[0] } : { inference: targets[0] };
        const question = typeof node.question === 'string' && questionById(node.question) ? node.question : undefined;
        conflicts.push({ id, attacker: attackers[0], target, ...(question ? { question } : {}) });
      }
    }
  });
  if (issues.length > 0)
    throw new InterchangeError(`The AIF file has inferences or conflicts that are not complete or not allowed. ${issues[0].message}`, issues);
  if (nodes.length === 0)
    throw new InterchangeError('The AIF file has no I-nodes (statements).', [{ path: ['nodes'], message: 'There is no node of type "I".' }]);

  return settleImport({ nodes, inferences, conflicts }, given, (_entity, id) => {
    const i = indexOf.get(id)!;
    return { path: ['nodes', i], label: `${doc.nodes[i].type} node ${quoted(id)}` };
  });
}

/**
 * The scheme an RA node names: its `scheme` field (kept as written when the catalogue does not know
 * it, e.g. AraucariaDB's "ExceptionalCase"), else its text when that is a scheme of the catalogue.
 */
function schemeOf(node: { scheme?: unknown; text?: string }): string | null {
  const named = typeof node.scheme === 'string' ? node.scheme.trim() : '';
  if (named !== '' && !GENERIC_S_NODE_TEXTS.has(named.toLowerCase())) return catalogueSchemeId(named) ?? named.slice(0, SCHEME_NAME_MAX);
  const text = node.text?.trim() ?? '';
  if (GENERIC_S_NODE_TEXTS.has(text.toLowerCase())) return null;
  return catalogueSchemeId(text) ?? null;
}
