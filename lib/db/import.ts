import 'server-only';
import type { ArgumentGraph } from '../argument/model';
import { importGraph, InterchangeError, type ImportedGraph } from '../argument/interchange';
import { refuseOverLimits, selfConnectionProblem } from '../argument/interchange/import-rules';
import { freeSlug, slugify } from '../argument/interchange/map-slug';
import { isNodeTarget } from '../argument/model';
import { AppError } from '../validation/app-error';
import type { ImportBody, ImportFormat } from '../validation/interchange';
import { NODE_TEXT_MAX } from '../validation/limits';
import { readArgdown } from './argdown-thread';
import { sqlTransaction } from './client';
import { writeGraphIn, type IdOf } from './write-graph';
import { newId } from './graph-rows';

/** What an imported map's document says about where it came from. */
const SOURCE: Record<ImportFormat, string> = {
  aif: 'Imported from AIF',
  argdown: 'Imported from Argdown',
};

/**
 * `POST /api/maps/import`: reads the file and creates a map of it, answering with its slug and how
 * many exact duplicates of a step or an attack the file repeated and the import merged
 * (`ImportedGraph.merged`). A file that cannot be imported is refused with 400 and issues located
 * in the body (`["content", "nodes", 3, "type"]` for AIF; for Argdown, `["content"]` with the line
 * and column in the message). Nothing is written then.
 */
export async function importMap({ format, title, content }: ImportBody): Promise<{ slug: string; merged: ImportedGraph['merged'] }> {
  let graph: ImportedGraph;
  try {
    // Argdown's parser is synchronous and slow at its limits: it reads in a worker thread.
    graph = format === 'argdown' ? await readArgdown(content) : importGraph(format, content);
  } catch (error) {
    throw asBadRequest(error);
  }
  const { slug } = await createMapFromGraph({ title, graph, documentText: '', source: SOURCE[format] });
  return { slug, merged: graph.merged };
}

/** An InterchangeError as the API's 400, its issue paths under `content`; anything else unchanged. */
function asBadRequest(error: unknown): unknown {
  if (!(error instanceof InterchangeError)) return error;
  return new AppError('bad_request', error.message, {
    issues: error.issues.map((issue) => ({ path: ['content', ...issue.path], message: issue.message })),
  });
}

/**
 * Creates a map of `graph`: a Document (`title`, no author, `source`, `documentText` — the empty
 * string for imports, whose files carry no essay), an ArgumentMap with a slug made from the title
 * (`-2`, `-3`, … when taken; the document gets the same slug), and every node, inference and
 * conflict under fresh ids prefixed by the slug (`<slug>.n1`, `<slug>.i1`, `<slug>.c1`), all in
 * one plain-SQL transaction (`sqlTransaction`: the slug is chosen inside it, under
 * `lockSlugs`, so a concurrent import — on any instance — cannot take it). Refuses (400) a graph with
 * no nodes, a node text over NODE_TEXT_MAX, a reference to something the graph lacks, a point
 * supporting or attacking itself, or more statements, steps, attacks or premises of a step than a
 * map holds (`refuseOverLimits`).
 */
export async function createMapFromGraph({
  title,
  graph,
  documentText,
  source,
}: {
  title: string;
  graph: ArgumentGraph;
  documentText: string;
  source: string;
}): Promise<{ slug: string }> {
  checkGraph(graph);
  const base = slugify(title);
  const slug = await sqlTransaction(async (sql) => {
    await sql.lockSlugs();
    const taken = await sql.all<{ slug: string }>(
      'SELECT "slug" FROM "ArgumentMap" WHERE substr("slug", 1, ?) = ? UNION SELECT "slug" FROM "Document" WHERE substr("slug", 1, ?) = ?',
      base.length,
      base,
      base.length,
      base,
    );
    const slug = freeSlug(base, new Set(taken.map((row) => row.slug)));
    const now = new Date();
    const [documentId, mapId] = [newId(), newId()];
    await sql.run(
      'INSERT INTO "Document" ("id", "slug", "title", "author", "source", "text", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
      documentId,
      slug,
      title,
      '',
      source,
      documentText,
      now,
    );
    await sql.run(
      'INSERT INTO "ArgumentMap" ("id", "slug", "title", "documentId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)',
      mapId,
      slug,
      title,
      documentId,
      now,
      now,
    );
    await writeGraphIn(sql, mapId, graph, freshIds(slug, graph), now.getTime());
    return slug;
  });
  return { slug };
}

/** Fresh, short ids for a graph written as a new map: `<slug>.n1`, `<slug>.i1`, `<slug>.c1`, … */
export function freshIds(slug: string, graph: ArgumentGraph): IdOf {
  const maps = {
    node: new Map(graph.nodes.map((n, i) => [n.id, `${slug}.n${i + 1}`])),
    inference: new Map(graph.inferences.map((inf, i) => [inf.id, `${slug}.i${i + 1}`])),
    conflict: new Map(graph.conflicts.map((c, i) => [c.id, `${slug}.c${i + 1}`])),
  };
  return (entity, id) => {
    const fresh = maps[entity].get(id);
    if (fresh === undefined) throw new Error(`writeGraph asked for the id of an unknown ${entity} "${id}"`);
    return fresh;
  };
}

function checkGraph(graph: ArgumentGraph) {
  const refuse = (message: string) => {
    throw new AppError('bad_request', message, { issues: [{ path: ['content'], message }] });
  };
  if (graph.nodes.length === 0) refuse('The file has no statements to make a map of.');
  try {
    refuseOverLimits(graph);
  } catch (error) {
    throw asBadRequest(error);
  }
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  if (nodes.size !== graph.nodes.length) refuse('Two statements have the same id.');
  const theses = graph.nodes.filter((node) => node.kind === 'thesis');
  if (theses.length > 1) {
    refuse(`The file has ${theses.length} theses ("${theses[0].id}", "${theses[1].id}"…); a map has one. Mark one as the thesis and the others as claims.`);
  }
  for (const node of graph.nodes) {
    if (node.text.trim() === '') refuse(`Statement "${node.id}" has no text.`);
    if (node.text.length > NODE_TEXT_MAX) refuse(`Statement "${node.id}" has ${node.text.length} characters; a node holds at most ${NODE_TEXT_MAX}.`);
  }
  /** Refuses `id` supporting or attacking itself, in the connect rules' words. */
  const refuseSelf = (what: string, id: string, relation: 'supports' | 'attacks') => {
    const problem = selfConnectionProblem(nodes.get(id)!, relation);
    if (problem) refuse(`${what}: ${problem}`);
  };
  const inferenceIds = new Set(graph.inferences.map((i) => i.id));
  if (inferenceIds.size !== graph.inferences.length) refuse('Two inferences have the same id.');
  if (new Set(graph.conflicts.map((c) => c.id)).size !== graph.conflicts.length) refuse('Two conflicts have the same id.');
  for (const inference of graph.inferences) {
    if (inference.premises.length === 0) refuse(`Inference "${inference.id}" has no premises.`);
    if (new Set(inference.premises).size !== inference.premises.length) refuse(`Inference "${inference.id}" names a premise twice.`);
    if (![inference.conclusion, ...inference.premises].every((id) => nodes.has(id))) refuse(`Inference "${inference.id}" names an unknown statement.`);
    if (inference.premises.includes(inference.conclusion)) refuseSelf(`Inference "${inference.id}"`, inference.conclusion, 'supports');
  }
  for (const conflict of graph.conflicts) {
    const target = isNodeTarget(conflict.target) ? nodes.has(conflict.target.node) : inferenceIds.has(conflict.target.inference);
    if (!nodes.has(conflict.attacker) || !target) refuse(`Conflict "${conflict.id}" names an unknown statement or inference.`);
    if (isNodeTarget(conflict.target) && conflict.target.node === conflict.attacker) refuseSelf(`Conflict "${conflict.id}"`, conflict.attacker, 'attacks');
  }
}
