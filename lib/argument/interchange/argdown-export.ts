import { isNodeTarget, type ArgNode, type Conflict, type Inference } from '../model';
import { normalizeWhitespace } from './imported-graph';
import { schemeName } from './scheme-names';

/** What {@link toArgdown} needs of a map: its title and graph (a `MapView` will do). */
export interface ArgdownExportInput {
  map: { title: string };
  nodes: ArgNode[];
  inferences: Inference[];
  conflicts: Conflict[];
}

/**
 * Writes a map as Argdown (https://argdown.org) that `@argdown/core` 2.x parses without errors:
 *
 * - every node is a statement `[n1]: text #kind`, titled by its position in the map (`n1`, `n2`, …)
 *   and tagged with its kind, so our import restores kinds and Argdown colours them;
 * - every inference is a reconstructed argument `<a1>` whose premise-conclusion structure lists
 *   its premises (linked premises together) above the line and its conclusion below, with the
 *   scheme's name as the inference rule (`-- Argument from sign --`);
 * - an attack on a statement is a relation under it: `[n3]` / `  - [n9]` (n9 attacks n3);
 * - an undercut is an attack on the argument's inference step: `<a3>` / `  <_ [n9]`, which
 *   `@argdown/core` models as an `undercut` relation from n9 to the inference of `<a3>`.
 *
 * Texts are written on one line (runs of whitespace become one space) with Argdown's control
 * characters escaped, so they read back exactly.
 */
export function toArgdown(view: ArgdownExportInput): string {
  const statementTitle = new Map(view.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const argumentTitle = new Map(view.inferences.map((inf, i) => [inf.id, `a${i + 1}`]));
  const blocks: string[] = [
    ['===', `title: ${yamlString(view.map.title)}`, '==='].join('\n'),
    [
      '// Exported from Argmap: one statement per node (tagged with its kind), one argument per inference.',
      '// "- [x]" under a statement: x attacks it. "<_ [x]" under an argument: x undercuts its inference.',
    ].join('\n'),
  ];

  for (const node of view.nodes) {
    blocks.push(`[${statementTitle.get(node.id)}]: ${escapeArgdownText(normalizeWhitespace(node.text))} #${node.kind}`);
  }

  for (const inference of view.inferences) {
    const premises = inference.premises.map((p) => statementTitle.get(p));
    const conclusion = statementTitle.get(inference.conclusion);
    if (conclusion === undefined || premises.length === 0 || premises.some((p) => p === undefined)) continue;
    const rule = inference.scheme === null ? '----' : `-- ${escapeInferenceRule(schemeName(inference.scheme))} --`;
    const lines = [`<${argumentTitle.get(inference.id)}>`, ''];
    premises.forEach((p, i) => lines.push(`(${i + 1}) [${p}]`));
    lines.push(rule, `(${premises.length + 1}) [${conclusion}]`);
    blocks.push(lines.join('\n'));
  }

  const attacksOn = new Map<string, string[]>();
  for (const conflict of view.conflicts) {
    const attacker = statementTitle.get(conflict.attacker);
    const target = isNodeTarget(conflict.target)
      ? statementTitle.get(conflict.target.node) && `[${statementTitle.get(conflict.target.node)}]`
      : argumentTitle.get(conflict.target.inference) && `<${argumentTitle.get(conflict.target.inference)}>`;
    if (attacker === undefined || !target) continue;
    const relation = isNodeTarget(conflict.target) ? `  - [${attacker}]` : `  <_ [${attacker}]`;
    attacksOn.set(target, [...(attacksOn.get(target) ?? []), relation]);
  }
  for (const [target, relations] of attacksOn) blocks.push([target, ...relations].join('\n'));

  return `${blocks.join('\n\n')}\n`;
}

/**
 * Escapes what Argdown would read as syntax inside a statement's text: `\ @ # * _ [ ] < { }`
 * always; `//` and `/*` (comments); `.x` and `:x` (which could open a `.name.` or `:name:`
 * shortcode); `==` (front matter). A backslash makes Argdown take the next character literally.
 *
 * @example escapeArgdownText('see [1], e.g. #2') // 'see \\[1\\], e\\.g. \\#2'
 */
export function escapeArgdownText(text: string): string {
  return text.replace(/[\\@#*_[\]<{}]|\/(?=[/*])|[.:](?=\S)|=(?==)|(?<==)=/g, (ch) => `\\${ch}`);
}

/** An inference rule sits between `--` and `--`, where `-` and `,` (a list of rules) are syntax too. */
function escapeInferenceRule(text: string): string {
  return escapeArgdownText(normalizeWhitespace(text)).replace(/[-,]/g, (ch) => `\\${ch}`);
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's); `=` is escaped so no `===` can end the front matter early. */
function yamlString(text: string): string {
  return JSON.stringify(normalizeWhitespace(text)).replace(/=/g, '\\u003d');
}
