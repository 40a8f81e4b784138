import {
  ArgdownApplication,
  ArgdownTypes,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  isReconstructed,
  isRuleNode,
  isTokenNode,
  ModelPlugin,
  parser,
  ParserPlugin,
  RangeType,
  RelationType,
  RuleNames,
  StatementRole,
  TokenNames,
  type IArgdownResponse,
  type IAstNode,
  type IRuleNode,
  type ITokenNode,
  type IInference,
  type IPCSStatement,
  type IStatement,
  type RelationMember,
} from '@argdown/core';
import { NODE_KINDS, type ArgNode, type Conflict, type Inference, type NodeKind } from '../model';
import { NODE_TEXT_MAX } from '../../validation/limits';
import { argdownScanWork, relationDepth } from './argdown-scan';
import { importedNode, InterchangeError, normalizeWhitespace, type ImportedGraph, type InterchangeIssue } from './imported-graph';
import { quoted, selfConnectionProblem, settleImport } from './import-rules';
import { catalogueSchemeId } from './scheme-names';

/** How many parser errors an import reports (a broken file can produce hundreds). */
const MAX_REPORTED_ERRORS = 5;
/** Longest parser message repeated to the user. */
const MAX_MESSAGE_LENGTH = 300;
/**
 * Longest run of text (with its markup: links, emphasis, escapes) read as one statement. Far above
 * NODE_TEXT_MAX, so markup never trips it; anything longer is refused before the model is built.
 */
const TEXT_RUN_MAX = 10 * NODE_TEXT_MAX;
/**
 * Most characters `@argdown/core`'s lexer may have to read for its searching patterns
 * (`argdownScanWork`): a file whose brackets close where they open needs about its own length
 * (a 2 MB file, 2 M); 100 M is under a second. Unclosed brackets by the thousand cost time
 * quadratic in the file's length, and are refused before the lexer runs.
 */
const ARGDOWN_SCAN_WORK_MAX = 100_000_000;
/**
 * Most characters that start a token of their own (markup, punctuation, line ends) in a file:
 * `@argdown/core` spends some microseconds on each token, so 2 MB of `*_` or of backslashes took 15–30 s
 * even when refused. Our export of a 5,000-point map has about 120,000 such characters, a file of
 * plain prose a few per sentence.
 */
const ARGDOWN_MARKUP_MAX = 250_000;
/**
 * Deepest nesting of relations read (`relationDepth`). `@argdown/core`'s parser recurses once per
 * level and runs out of stack a few hundred levels down, earlier or later as the stack is used; real
 * maps nest a handful of levels.
 */
const ARGDOWN_NESTING_MAX = 100;

/**
 * Reads an Argdown document (https://argdown.org) with `@argdown/core` into a graph:
 *
 * - every statement (equivalence class) is a node, its id the statement's title; an argument
 *   that is not reconstructed (no premise-conclusion structure) is a node too, id `<title>`, text
 *   its description — it supports or attacks as a whole;
 * - every inference step of a reconstructed argument is an inference: its premises are the
 *   statements since the previous conclusion (that conclusion included), or those its `uses` data
 *   lists; the main step's id is the argument's title. An inference rule naming a scheme of the
 *   catalogue sets the scheme;
 * - relations: support (and strict mode's `entails`) is a one-premise inference; attack,
 *   `contrary` and `contradictory` (as written, from → to) a conflict; `undercut` a conflict against
 *   the inference step. A relation aimed at a reconstructed argument as a whole counts as aimed at
 *   its main step: support → the step's conclusion, attack → an undercut of the step;
 * - kinds come from tags (`#thesis`, `#objection`, …, as our export writes them), else from the
 *   structure (`inferKinds`). Texts are trimmed, with runs of whitespace as one space;
 * - the rules of every import then apply (`settleImport`): exact duplicates of a step are merged
 *   (counted in `merged`; a relation repeating a step or an attack already made adds nothing), and a
 *   map's limits hold.
 *
 * Throws {@link InterchangeError} for an empty file, a file with a syntax error (with line and
 * column; the first one only) — also markup the parser lets through but nobody means (a `[` or `<`
 * that opens a title and never closes, a statement of punctuation only) —, a file too costly to read (thousands of unclosed brackets, or
 * nesting deeper than the parser's stack), a statement longer than NODE_TEXT_MAX, a statement or
 * argument that supports or attacks itself (refused as `POST …/connections` refuses it), or more
 * statements, steps, attacks or premises of one step than a map holds.
 */
export function fromArgdown(text: string): ImportedGraph {
  if (text.trim() === '') throw new InterchangeError('The Argdown file is empty.', [{ path: [], message: 'The file has no statements.' }]);
  const response = parseArgdown(text);
  const build = new GraphBuilder(response);
  return build.graph();
}

let application: ArgdownApplication | undefined;

/** Parser, data (front matter, `{uses: …}`) and model plugins: what Argdown itself runs to build its model. */
function argdownApplication(): ArgdownApplication {
  if (!application) {
    application = new ArgdownApplication();
    application.addPlugin(new ParserPlugin(), 'parse-input');
    application.addPlugin(new DataPlugin(), 'build-model');
    application.addPlugin(new ModelPlugin(), 'build-model');
  }
  return application;
}

function parseArgdown(text: string): IArgdownResponse {
  refuseCostlyText(text);
  const app = argdownApplication();
  const request = {
    input: text,
    logLevel: 'silent',
    throwExceptions: true,
    logExceptions: false,
    parser: { throwExceptions: false },
  };
  let response: IArgdownResponse;
  try {
    response = withoutErrorRecovery(() => app.run({ ...request, process: ['parse-input'] }));
  } catch (error) {
    throw unreadable(error);
  }
  const errors = [
    ...(response.lexerErrors ?? []).map((e) => ({ line: e.line, column: e.column, message: e.message })),
    ...(response.parserErrors ?? []).map((e) => ({ line: e.token?.startLine, column: e.token?.startColumn, message: e.message })),
  ];
  if (errors.length > 0) {
    const issues = errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({
      path: [],
      message: `${e.line ? `Line ${e.line}, column ${e.column ?? 1}` : 'At the end of the file'}: ${shortened(e.message)}`,
    }));
    const count = errors.length === 1 ? 'a syntax error' : `${errors.length} syntax errors`;
    throw new InterchangeError(`The Argdown file has ${count}. ${issues[0].message}`, issues);
  }
  if (response.ast) refuseUnreadableStatements(response.ast);
  try {
    return app.run({ ...request, process: ['build-model'] }, response);
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * Refuses, before the lexer runs, a text with more tokens than it can read in a second or two,
 * relations nested deeper than its parser's stack, or unclosed brackets that would take it
 * quadratic time (see `argdownScanWork`).
 */
function refuseCostlyText(text: string) {
  const { work, markup, worst } = argdownScanWork(text);
  if (markup > ARGDOWN_MARKUP_MAX) {
    const message = `The file has ${markup} characters of markup and punctuation (brackets, colons, #, *, _, line ends, …); at most ${ARGDOWN_MARKUP_MAX} are read.`;
    throw new InterchangeError(`The Argdown file is too long to read. ${message}`, [{ path: [], message }]);
  }
  const nesting = relationDepth(text);
  if (nesting.depth > ARGDOWN_NESTING_MAX) {
    const message = `Line ${nesting.line}: relations nested ${nesting.depth} levels deep; at most ${ARGDOWN_NESTING_MAX} are read.`;
    throw new InterchangeError(`The Argdown file is nested too deeply to read. ${message}`, [{ path: [], message }]);
  }
  if (work <= ARGDOWN_SCAN_WORK_MAX || worst === null) return;
  const message = `Line ${worst.line}: too many "${worst.opener}" that do not close nearby. Close them, or write "\\${worst.opener}" for the character itself.`;
  throw new InterchangeError(`The Argdown file would take too long to read. ${message}`, [{ path: [], message }]);
}

/**
 * Runs `@argdown/core`'s parser with its error recovery off, so it stops at the first syntax error.
 * With recovery on, each error costs milliseconds (re-synchronising walks the whole rule stack), and
 * a file of 2 MB can hold tens of thousands of them; only the first is needed to refuse the file.
 */
function withoutErrorRecovery<T>(run: () => T): T {
  const engine = parser as unknown as { recoveryEnabled: boolean; attemptInRepetitionRecovery: unknown };
  const saved = { recoveryEnabled: engine.recoveryEnabled, attemptInRepetitionRecovery: engine.attemptInRepetitionRecovery };
  engine.recoveryEnabled = false;
  engine.attemptInRepetitionRecovery = () => undefined;
  try {
    return run();
  } finally {
    Object.assign(engine, saved);
  }
}

/** The refusal for an exception thrown by `@argdown/core`; its recursive parser overflows the stack on deep nesting. */
function unreadable(error: unknown): InterchangeError {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    const message = 'Relations, emphasis or lists are nested too deeply (hundreds of levels) for the Argdown parser.';
    return new InterchangeError(`The Argdown file could not be read. ${message}`, [{ path: [], message }]);
  }
  return new InterchangeError('The Argdown file could not be read.', [{ path: [], message: messageOf(error) }]);
}

/**
 * Refuses, before the model is built, statements `@argdown/core` reads without complaint but that
 * are not what the writer meant:
 *
 * - a text run far longer than a node can hold. Such a text could never be imported, and
 *   `@argdown/core` builds a statement's text in time quadratic in its length (a 2 MB paragraph
 *   takes minutes), so it is cheaper to say no from the parse tree;
 * - a statement that is broken markup: one that starts with a `[` or `<` that never closes (the
 *   lexer reads `- [` as the statement "[", and `+ <B: unclosed` as the text "<B: unclosed"), or
 *   one with no words at all, only punctuation. The first of them in the file is named by line and
 *   column, as a syntax error is.
 */
function refuseUnreadableStatements(ast: IAstNode) {
  const broken: { line: number; column: number; problem: string }[] = [];
  const stack: IAstNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isRuleNode(node)) continue;
    if (node.name !== RuleNames.STATEMENT_CONTENT) {
      for (const child of node.children ?? []) stack.push(child);
      continue;
    }
    const tokens = tokensIn(node);
    const length = tokens.reduce((sum, token) => sum + token.image.length, 0);
    if (length > TEXT_RUN_MAX) {
      const line = tokens[0]?.startLine;
      throw new InterchangeError('A statement is too long to be a node.', [
        { path: [], message: `${line ? `Line ${line}: ` : ''}a statement of ${length} characters; a node holds at most ${NODE_TEXT_MAX}.` },
      ]);
    }
    const problem = brokenStatement(tokens);
    if (problem) broken.push(problem);
  }
  if (broken.length === 0) return;
  broken.sort((a, b) => a.line - b.line || a.column - b.column);
  const issues = broken.slice(0, MAX_REPORTED_ERRORS).map((b) => ({ path: [], message: `Line ${b.line}, column ${b.column}: ${b.problem}` }));
  const count = broken.length === 1 ? 'a syntax error' : `${broken.length} syntax errors`;
  throw new InterchangeError(`The Argdown file has ${count}. ${issues[0].message}`, issues);
}

/** Where a statement's tokens are broken markup, and what to write instead; null when they read as meant. */
function brokenStatement(tokens: ITokenNode[]): { line: number; column: number; problem: string } | null {
  const words = tokens.filter((t) => t.tokenType?.name !== TokenNames.NEWLINE && t.image.trim() !== '');
  const first = words[0];
  if (!first) return null;
  const where = { line: first.startLine ?? 1, column: first.startColumn ?? 1 };
  const opener = first.image.trimStart()[0];
  if (first.tokenType?.name === TokenNames.UNUSED_CONTROL_CHAR && (opener === '[' || opener === '<')) {
    const [title, kind] = opener === '[' ? ['[Title]: text', 'statement'] : ['<Title>: text', 'argument'];
    return {
      ...where,
      problem: `“${opener}” opens ${kind === 'statement' ? 'a statement' : 'an argument'} title that is never closed. Write “${title}”, or “\\${opener}” for the character itself.`,
    };
  }
  if (words.every((t) => t.tokenType?.name === TokenNames.UNUSED_CONTROL_CHAR)) {
    const text = words.map((t) => t.image.trim()).join(' ');
    return { ...where, problem: `a statement with no words, only “${text.length > 20 ? `${text.slice(0, 19)}…` : text}”. Write its text, or remove the line.` };
  }
  return null;
}

function tokensIn(root: IRuleNode): ITokenNode[] {
  const tokens: ITokenNode[] = [];
  const stack: IAstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTokenNode(node)) tokens.push(node);
    else for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]);
  }
  return tokens;
}

function messageOf(error: unknown): string {
  return shortened(error instanceof Error ? error.message : String(error));
}

function shortened(message: string): string {
  const oneLine = normalizeWhitespace(message);
  return oneLine.length > MAX_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : oneLine;
}

/** Where a relation member lands in our graph. */
type Endpoint =
  | { node: string }
  /** A reconstructed argument (its main step), or one inference step of it. */
  | { inference: string; conclusion: string };

/** Builds the graph from `@argdown/core`'s model; one instance per file. */
class GraphBuilder {
  private readonly nodes: ArgNode[] = [];
  private readonly nodeById = new Map<string, ArgNode>();
  private readonly inferences: Inference[] = [];
  private readonly conflicts: Conflict[] = [];
  private readonly given = new Map<string, NodeKind>();
  private readonly usedIds = new Set<string>();
  /** Per base id, the next `(n)` suffix to try, so many ids on one base stay linear. */
  private readonly nextSuffix = new Map<string, number>();
  /** How messages name a step: `Argument <Expert>, line 12`. */
  private readonly stepLabels = new Map<string, string>();
  /** Statements and arguments that support or attack themselves. */
  private readonly selfIssues: InterchangeIssue[] = [];
  private readonly nodeOfStatement = new Map<string, string>();
  private readonly nodeOfArgument = new Map<string, string>();
  /** Reconstructed arguments: their main step. */
  private readonly mainStepOf = new Map<string, { inference: string; conclusion: string }>();
  private readonly stepOfInference = new Map<IInference, { inference: string; conclusion: string }>();
  /** Keys of the one-premise inferences and of the conflicts so far, so relations repeating them add nothing. */
  private readonly supportKeys = new Set<string>();
  private readonly conflictKeys = new Set<string>();

  constructor(private readonly response: IArgdownResponse) {}

  graph(): ImportedGraph {
    const statements = Object.values(this.response.statements ?? {});
    const args = Object.values(this.response.arguments ?? {});
    for (const ec of statements) this.addStatement(ec);
    for (const argument of args) if (!isReconstructed(argument)) this.addArgumentNode(argument);
    for (const argument of args) if (isReconstructed(argument)) this.addSteps(argument);
    (this.response.relations ?? []).forEach((relation, i) =>
      this.addRelation(relation.relationType, relation.from, relation.to, i + 1, relation.occurrences?.[0]?.startLine),
    );
    if (this.selfIssues.length > 0) throw new InterchangeError(this.selfIssues[0].message, this.selfIssues);
    if (this.nodes.length === 0) {
      throw new InterchangeError('The Argdown file has no statements.', [{ path: [], message: 'Write at least one statement, e.g. "[Title]: text".' }]);
    }
    return settleImport({ nodes: this.nodes, inferences: this.inferences, conflicts: this.conflicts }, this.given, (entity, id) => ({
      path: [],
      label: this.stepLabels.get(id) ?? `${entity === 'inference' ? 'Step' : 'Attack'} ${quoted(id)}`,
    }));
  }

  private uniqueId(base: string): string {
    let id = base;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.usedIds.has(id)) id = `${base} (${n++})`;
    this.nextSuffix.set(base, n);
    this.usedIds.add(id);
    return id;
  }

  /** Records that `nodeId` would support or attack itself, in the connect rules' words, as the file says at `where`. */
  private refuseSelf(nodeId: string, relation: 'supports' | 'attacks', where: string) {
    const node = this.nodeById.get(nodeId);
    const problem = node ? selfConnectionProblem(node, relation) : null;
    if (problem) this.selfIssues.push({ path: [], message: `${where} ${relation === 'supports' ? 'supports' : 'attacks'} itself. ${problem}` });
  }

  private addNode(id: string, text: string, tags: string[] | undefined, where: { what: string; line?: number }) {
    if (text.length > NODE_TEXT_MAX) {
      throw new InterchangeError(`${where.what} is too long to be a node.`, [
        {
          path: [],
          message: `${where.line ? `Line ${where.line}: ` : ''}${where.what} has ${text.length} characters; a node holds at most ${NODE_TEXT_MAX}.`,
        },
      ]);
    }
    const kind = tags?.find((t): t is NodeKind => (NODE_KINDS as readonly string[]).includes(t));
    if (kind) this.given.set(id, kind);
    const node = importedNode(id, text);
    this.nodes.push(node);
    this.nodeById.set(id, node);
  }

  private addStatement(ec: IEquivalenceClass) {
    const title = ec.title ?? 'Untitled';
    const id = this.uniqueId(title);
    this.nodeOfStatement.set(title, id);
    const member = IEquivalenceClass.getCanonicalMember(ec);
    const text = textOf(member) || title;
    this.addNode(id, text, ec.tags, { what: `Statement [${title}]`, line: member?.startLine ?? ec.startLine });
  }

  private addArgumentNode(argument: IArgument) {
    const title = argument.title ?? 'Untitled';
    const id = this.uniqueId(`<${title}>`);
    this.nodeOfArgument.set(title, id);
    const member = IArgument.getCanonicalMember(argument);
    const text = textOf(member) || title;
    this.addNode(id, text, argument.tags, { what: `Argument <${title}>`, line: member?.startLine ?? argument.startLine });
  }

  /** One inference per conclusion of the argument's premise-conclusion structure. */
  private addSteps(argument: IArgument) {
    const title = argument.title ?? 'Untitled';
    const pcs = argument.pcs;
    const conclusionIndexes = pcs.flatMap((s, i) => (s.role === StatementRole.PREMISE ? [] : [i]));
    let stepStart = 0;
    conclusionIndexes.forEach((index, step) => {
      const conclusion = pcs[index] as IPCSStatement & { inference?: IInference };
      const uses = usesOf(conclusion.inference?.data) ?? usesOf(conclusion.data);
      const premiseStatements = uses ? uses.map((n) => pcs[n - 1]).filter((s) => s !== undefined && s !== conclusion) : pcs.slice(stepStart, index);
      stepStart = index;
      const conclusionId = this.statementNode(conclusion.title);
      const premises = [...new Set(premiseStatements.map((s) => this.statementNode(s.title)))];
      if (conclusionId === undefined || premises.length === 0 || premises.includes(undefined)) return;
      const isMain = step === conclusionIndexes.length - 1;
      const line = conclusion.startLine ?? argument.startLine;
      const label = `${line ? `Line ${line}: ` : ''}argument <${shortTitle(title)}>${conclusionIndexes.length > 1 ? `, step ${step + 1},` : ''}`;
      if (premises.includes(conclusionId))
        return this.refuseSelf(conclusionId, 'supports', `${label} concludes [${shortTitle(conclusion.title ?? '')}] from itself: it`);
      const id = this.uniqueId(isMain ? title : `${title} (step ${step + 1})`);
      this.stepLabels.set(id, label.replace(/,$/, ''));
      const rules = conclusion.inference?.inferenceRules ?? [];
      const scheme = rules.map((r) => catalogueSchemeId(r)).find((s) => s !== undefined) ?? null;
      this.inferences.push({ id, conclusion: conclusionId, premises: premises as string[], scheme });
      if (premises.length === 1) this.supportKeys.add(JSON.stringify([premises[0], conclusionId]));
      const endpoint = { inference: id, conclusion: conclusionId };
      if (conclusion.inference) this.stepOfInference.set(conclusion.inference, endpoint);
      if (isMain) this.mainStepOf.set(title, endpoint);
    });
  }

  private statementNode(title: string | undefined): string | undefined {
    return title === undefined ? undefined : this.nodeOfStatement.get(title);
  }

  private endpoint(member: RelationMember | undefined): Endpoint | undefined {
    if (!member) return undefined;
    if (member.type === ArgdownTypes.EQUIVALENCE_CLASS) {
      const node = this.statementNode(member.title);
      return node === undefined ? undefined : { node };
    }
    if (member.type === ArgdownTypes.ARGUMENT) {
      const title = member.title ?? '';
      const node = this.nodeOfArgument.get(title);
      if (node !== undefined) return { node };
      return this.mainStepOf.get(title);
    }
    return this.stepOfInference.get(member);
  }

  private addRelation(type: RelationType, fromMember: RelationMember | undefined, toMember: RelationMember | undefined, n: number, line: number | undefined) {
    const from = this.endpoint(fromMember);
    const to = this.endpoint(toMember);
    if (!from || !to) return;
    if (sameElement(fromMember, toMember)) {
      const supports = type === RelationType.SUPPORT || type === RelationType.ENTAILS;
      const name = fromMember!.type === ArgdownTypes.ARGUMENT ? `<${shortTitle(fromMember!.title ?? '')}>` : `[${shortTitle(fromMember!.title ?? '')}]`;
      return this.refuseSelf('node' in from ? from.node : from.conclusion, supports ? 'supports' : 'attacks', `${line ? `Line ${line}: ` : ''}${name}`);
    }
    // A reconstructed argument as a source stands for its conclusion (`@argdown/core` already
    // rewrites most of these relations that way).
    const source = 'node' in from ? from.node : from.conclusion;
    const id = `relation ${n}`;
    if (type === RelationType.SUPPORT || type === RelationType.ENTAILS) {
      const conclusion = 'node' in to ? to.node : to.conclusion;
      const key = JSON.stringify([source, conclusion]);
      if (conclusion === source || this.supportKeys.has(key)) return;
      this.supportKeys.add(key);
      this.inferences.push({ id: this.uniqueId(id), conclusion, premises: [source], scheme: null });
      return;
    }
    const target: Conflict['target'] = 'node' in to ? { node: to.node } : { inference: to.inference };
    if ('node' in target && target.node === source) return;
    const key = JSON.stringify([source, target]);
    if (this.conflictKeys.has(key)) return;
    this.conflictKeys.add(key);
    this.conflicts.push({ id: this.uniqueId(id), attacker: source, target });
  }
}

/** Whether a relation runs from a statement or argument to that same statement or argument. */
function sameElement(from: RelationMember | undefined, to: RelationMember | undefined): boolean {
  if (!from || !to || from.type !== to.type) return false;
  if (from.type === ArgdownTypes.EQUIVALENCE_CLASS || from.type === ArgdownTypes.ARGUMENT)
    return from.title !== undefined && from.title === (to as { title?: string }).title;
  return from === to;
}

/** A title as a message shows it, cut when long. */
function shortTitle(title: string): string {
  return quoted(title).slice(1, -1);
}

/**
 * A statement's text without the tags at its end (`… epidemic influences. #H1` → `… epidemic
 * influences.`): those label the statement, and our kind tags sit there. Tags inside a sentence are
 * words of it and stay. Escaped `\#` is text, not a tag, and stays too.
 */
function textOf(member: IStatement | undefined): string {
  const text = member?.text ?? '';
  const tags = (member?.ranges ?? []).filter((r) => r.type === RangeType.TAG).sort((a, b) => b.start - a.start);
  // Walk the tags from the last; each step reads only the gap after the tag, so many tags stay linear.
  let end = text.length;
  for (const tag of tags) {
    if (tag.stop + 1 < end && text.slice(tag.stop + 1, end).trim() !== '') break;
    end = Math.min(end, tag.start);
  }
  return normalizeWhitespace(text.slice(0, end));
}

/** A `uses: [1, 2]` (or `from: …`) list of statement numbers from Argdown data, when there is one. */
function usesOf(data: unknown): number[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as Record<string, unknown>).uses ?? (data as Record<string, unknown>).from;
  return Array.isArray(list) && list.every((n) => Number.isInteger(n)) ? (list as number[]) : undefined;
}
