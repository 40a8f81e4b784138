/**
 * Inputs at the API's limits in the shapes that stress its algorithms: the "adversarial sizes"
 * mode of the fuzz suite (tests/api/adversarial.test.ts in `npm test`, reduced; bench/adversarial.ts
 * in `npm run bench`, in full against the production server while /api/health is timed).
 *
 * Every shape is valid input a person could send — a crafted input is a normal input — so the app
 * must answer each quickly or refuse it clearly, never stall or die.
 */
import { ESSAY_TEXT_MAX_BYTES, IMPORT_CONTENT_MAX_BYTES, MAP_NODES_MAX } from '@/lib/validation/limits';

/** One essay for `POST /api/documents`, then its suggestions, its map page and its brief. */
export interface EssayShape {
  name: string;
  text: string;
}

/** One file for `POST /api/maps/import`, then every read and write of the map it makes. */
export interface ImportShape {
  name: string;
  format: 'aif' | 'argdown';
  content: string;
}

/** `full` (bench) goes to the limits; `reduced` (npm test) keeps the shapes at a size that still shows a blow-up. */
export type Scale = 'full' | 'reduced';

/** A string of about `bytes` UTF-8 bytes made by repeating `unit` (ASCII units: one byte a character). */
const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit, 'utf8')));

export function essayShapes(scale: Scale): EssayShape[] {
  const size = scale === 'full' ? ESSAY_TEXT_MAX_BYTES : 100 * 1024;
  const pad = (head: string, tail: string, unit: string) => head + fill(unit, size - Buffer.byteLength(head + tail, 'utf8')) + tail;
  return [
    { name: '"It is" + spaces + "x."', text: pad('It is', 'x.', ' ') },
    { name: '"A. " repeated', text: fill('A. ', size) },
    { name: 'full stops only', text: fill('.', size) },
    { name: 'one word, no punctuation', text: fill('a', size) },
    { name: 'words, no punctuation', text: fill('word ', size) },
    { name: 'newlines only, one word', text: pad('Claim', '', '\n') },
    { name: 'quotes and full stops', text: fill('"a." ', size) },
    { name: 'marker words without end', text: fill('because therefore however ', size) },
    { name: 'tabs and non-breaking spaces', text: pad('It is', 'x.', '\t\u00a0') },
    { name: 'digits and dots', text: fill('1.2.', size) },
  ];
}

interface AifNode {
  nodeID: string;
  text: string;
  type: 'I' | 'RA' | 'CA';
}

/** Builds an AIF document: I-nodes by text, then steps (premises → conclusion) and attacks. */
class AifBuilder {
  nodes: AifNode[] = [];
  edges: { edgeID: string; fromID: string; toID: string }[] = [];

  statement(text: string): string {
    const nodeID = `i${this.nodes.length}`;
    this.nodes.push({ nodeID, text, type: 'I' });
    return nodeID;
  }

  step(premises: string[], conclusion: string): string {
    const nodeID = `ra${this.nodes.length}`;
    this.nodes.push({ nodeID, text: 'Default Inference', type: 'RA' });
    for (const p of premises) this.edge(p, nodeID);
    this.edge(nodeID, conclusion);
    return nodeID;
  }

  attack(attacker: string, target: string): void {
    const nodeID = `ca${this.nodes.length}`;
    this.nodes.push({ nodeID, text: 'Default Conflict', type: 'CA' });
    this.edge(attacker, nodeID);
    this.edge(nodeID, target);
  }

  private edge(fromID: string, toID: string) {
    this.edges.push({ edgeID: `e${this.edges.length}`, fromID, toID });
  }

  toString(): string {
    return JSON.stringify({ nodes: this.nodes, edges: this.edges, locutions: [] });
  }
}

/** 2 points per level, each supporting both points above: 2^levels paths from the bottom to the thesis. */
function ladder(levels: number): string {
  const aif = new AifBuilder();
  let above = [aif.statement('We should negotiate now.')];
  for (let level = 1; level <= levels; level++) {
    const row = [aif.statement(`Reason ${level}a for the level above.`), aif.statement(`Reason ${level}b for the level above.`)];
    for (const point of row) for (const target of above) aif.step([point], target);
    above = row;
  }
  return aif.toString();
}

/** The same ladder of attacks: each objection attacks both points above it. */
function attackLadder(levels: number): string {
  const aif = new AifBuilder();
  let above = [aif.statement('We should negotiate now.')];
  for (let level = 1; level <= levels; level++) {
    const row = [aif.statement(`Objection ${level}a to the level above.`), aif.statement(`Objection ${level}b to the level above.`)];
    for (const point of row) for (const target of above) aif.attack(point, target);
    above = row;
  }
  return aif.toString();
}

/** A chain of `length` claims, each supporting the one before: as deep as a map can be. */
function chain(length: number): string {
  const aif = new AifBuilder();
  let previous = aif.statement('We should negotiate now.');
  for (let i = 1; i < length; i++) {
    const next = aif.statement(`Claim ${i} in a long chain.`);
    aif.step([next], previous);
    previous = next;
  }
  return aif.toString();
}

/** `width` reasons for one thesis, each its own step: as wide as a map can be. */
function star(width: number): string {
  const aif = new AifBuilder();
  const thesis = aif.statement('We should negotiate now.');
  for (let i = 1; i < width; i++) aif.step([aif.statement(`Reason ${i} for the thesis.`)], thesis);
  return aif.toString();
}

/** One step whose premises are every other point (one linked argument of `width` premises). */
function linked(width: number): string {
  const aif = new AifBuilder();
  const thesis = aif.statement('We should negotiate now.');
  aif.step(
    Array.from({ length: width - 1 }, (_, i) => aif.statement(`Premise ${i + 1}, needed with the others.`)),
    thesis,
  );
  return aif.toString();
}

/** Two statements and as many identical steps between them as fit in `bytes`. */
function duplicateSteps(bytes: number): string {
  const aif = new AifBuilder();
  const thesis = aif.statement('We should negotiate now.');
  const reason = aif.statement('Talks have worked before.');
  // Each step adds about 170 bytes of JSON (an RA node and two edges); stay under `bytes`.
  for (let i = 0; i < bytes / 170; i++) aif.step([reason], thesis);
  return aif.toString();
}

/** Argdown: a chain written as nested indentation, one level deeper per claim. */
function argdownDeepIndent(depth: number): string {
  const lines = ['[Thesis]: We should negotiate now.'];
  for (let i = 1; i < depth; i++) lines.push(`${'  '.repeat(i)}+ <Reason ${i}>: Reason ${i} for the line above.`);
  return lines.join('\n') + '\n';
}

/** Argdown: one statement with every other one supporting it, one line each. */
function argdownStar(width: number): string {
  const lines = ['[Thesis]: We should negotiate now.'];
  for (let i = 1; i < width; i++) lines.push(`  + [Reason ${i}]: Reason ${i} for the thesis.`);
  return lines.join('\n') + '\n';
}

/** Argdown: `count` relation blocks between 2 × 2,500 statements — as much markup as a file may hold, for the parser. */
function argdownRelations(count: number): string {
  const blocks: string[] = [];
  for (let i = 0; i < count; i++) blocks.push(`[S${i % 2500}]\n  + [T${(i * 7) % 2500}]\n`);
  return blocks.join('\n');
}

export function importShapes(scale: Scale): ImportShape[] {
  const full = scale === 'full';
  const nodes = full ? MAP_NODES_MAX : 1000;
  return [
    { name: `AIF ladder, ${full ? 18 : 14} levels`, format: 'aif', content: ladder(full ? 18 : 14) },
    { name: `AIF ladder, ${full ? 400 : 100} levels`, format: 'aif', content: ladder(full ? 400 : 100) },
    { name: `AIF attack ladder, ${full ? 18 : 14} levels`, format: 'aif', content: attackLadder(full ? 18 : 14) },
    { name: `AIF chain of ${nodes}`, format: 'aif', content: chain(nodes) },
    { name: `AIF star of ${nodes}`, format: 'aif', content: star(nodes) },
    { name: `AIF one step of ${nodes} premises`, format: 'aif', content: linked(nodes) },
    {
      name: `AIF 2 statements, duplicate steps (${full ? '2 MB' : '512 KB'})`,
      format: 'aif',
      content: duplicateSteps(full ? IMPORT_CONTENT_MAX_BYTES - 1024 : 512 * 1024),
    },
    { name: `Argdown indented ${full ? 1000 : 500} deep`, format: 'argdown', content: argdownDeepIndent(full ? 1000 : 500) },
    { name: `Argdown star of ${nodes}`, format: 'argdown', content: argdownStar(nodes) },
    { name: `Argdown ${full ? '34,000' : '5,000'} relation blocks`, format: 'argdown', content: argdownRelations(full ? 34_000 : 5000) },
  ].map((shape) => {
    // A shape over the file limit would only test the 413: every one must reach the parsers.
    if (Buffer.byteLength(shape.content, 'utf8') > IMPORT_CONTENT_MAX_BYTES) throw new Error(`${shape.name} is over IMPORT_CONTENT_MAX_BYTES`);
    return shape as ImportShape;
  });
}
