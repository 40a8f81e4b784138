import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownResponse } from '@argdown/core';
import { buildGraphFromSpec } from '../../map-spec';
import { isNodeTarget, type ArgumentGraph } from '../../model';
import { ANALYST, NEGOTIATE_NOW_MAP, negotiateNowSpec } from '../../../../prisma/seed/negotiate-now';

const here = dirname(fileURLToPath(import.meta.url));

/** The seeded op-ed map, built the way the seed builds it. */
export function opEdGraph(): ArgumentGraph {
  const essay = readFileSync(join(here, '../../../../prisma/seed/negotiate-now.txt'), 'utf8');
  return buildGraphFromSpec(negotiateNowSpec, essay, ANALYST);
}

export const OP_ED_TITLE = NEGOTIATE_NOW_MAP.title;

/** `[name, text]` of every fixture file in `fixtures/<folder>`. */
export function fixtures(folder: 'aif' | 'argdown'): [string, string][] {
  const dir = join(here, 'fixtures', folder);
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}

/**
 * The shape of a graph without its ids, comparable across an export and an import: nodes as
 * "kind: text", inferences as "premise texts (sorted) → conclusion text [scheme]", conflicts as
 * "attacker text ⟂ target text" (an undercut's target is its inference written as above).
 * All three are sorted lists, so duplicates count.
 */
export function structureOf(graph: ArgumentGraph, { kinds = true }: { kinds?: boolean } = {}) {
  const text = new Map(graph.nodes.map((n) => [n.id, n.text]));
  const inferenceKey = new Map(
    graph.inferences.map((i) => [
      i.id,
      `${i.premises
        .map((p) => text.get(p))
        .sort()
        .join(' + ')} → ${text.get(i.conclusion)} [${i.scheme ?? '-'}]`,
    ]),
  );
  return {
    nodes: graph.nodes.map((n) => (kinds ? `${n.kind}: ${n.text}` : n.text)).sort(),
    inferences: [...inferenceKey.values()].sort(),
    conflicts: graph.conflicts
      .map((c) => `${text.get(c.attacker)} ⟂ ${isNodeTarget(c.target) ? text.get(c.target.node) : `{${inferenceKey.get(c.target.inference)}}`}`)
      .sort(),
  };
}

/** Parses Argdown the way Argdown itself does (parser, data and model plugins), independently of our import. */
export function parseWithArgdown(text: string): IArgdownResponse {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'silent' });
}
