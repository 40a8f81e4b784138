/**
 * The floor of issue 14: bench/floor/, a bare Next + React Flow app on Argmap's own pinned packages,
 * drawing a map with stock nodes at the positions Argmap's layout gives them. This module writes its
 * fixtures (from Argmap's API), builds it (into the repo root's `.next-floor/`, when its sources
 * changed) and serves it with `next start`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Edge, Node } from '@xyflow/react';
import { buildLayoutGraph, positionsFromLayout, type Size } from '../../lib/argument/layout';
import type { MapView } from '../../lib/argument/map-view';
import { layoutRoom } from '../../lib/canvas/cards';
import { E2E_LOCK, ROOT, waitFor, type BenchServer } from './server';

export const FLOOR_DIR = path.join(ROOT, 'bench', 'floor');
/** Where the fixtures go (ignored by git: a 1,000-node map is a few hundred KB). */
export const FLOOR_DATA_DIR = path.join(FLOOR_DIR, '.data');
/** The floor's build folder (its next.config.mjs `distDir`), beside the root's `.next`. */
const FLOOR_DIST = path.join(ROOT, '.next-floor');
const STAMP = path.join(FLOOR_DIST, 'floor-sources.sha1');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
/** The mark floor-canvas.jsx sets on the first frame with its nodes drawn. */
export const FLOOR_READY_MARK = 'floor:canvas-ready';

/** A fixture: stock React Flow nodes (label = the point's words) and edges, positioned. */
export interface FloorFixture {
  nodes: Node<{ label: string }>[];
  edges: Edge[];
}

/**
 * Builds the fixture for one map as Argmap's canvas lays it out: the same layout input
 * (`buildLayoutGraph`, cards with the room `layoutRoom` gives them before they are drawn, junctions
 * where linked premises meet) through ELK's layered layout, run here in Node instead of the page's
 * worker; saved positions win, as on the canvas. Each node carries its card's size, so the floor's
 * boxes match Argmap's. Edges follow the layout's edges, pointing from reason (or attacker) to the
 * point it bears on.
 */
export async function floorFixture(view: MapView): Promise<FloorFixture> {
  const sizes = new Map<string, Size>(view.nodes.map((n) => [n.id, layoutRoom(n, undefined)]));
  const graph = buildLayoutGraph(view, sizes);
  const laidOut = positionsFromLayout(await new ELK().layout(structuredClone(graph)));
  const text = new Map(view.nodes.map((n) => [n.id, n.text]));
  const saved = new Map(view.nodes.filter((n) => n.position).map((n) => [n.id, n.position!]));
  const nodes = graph.children.map((child) => ({
    id: child.id,
    position: saved.get(child.id) ?? laidOut.get(child.id) ?? { x: 0, y: 0 },
    data: { label: text.get(child.id) ?? '' },
    width: child.width,
    height: child.height,
  }));
  const edges = new Map<string, Edge>();
  for (const e of graph.edges) edges.set(e.id, { id: e.id, source: e.targets[0], target: e.sources[0] });
  return { nodes, edges: [...edges.values()] };
}

/** Reads `slug` from Argmap's API and writes its fixture as `<name>.json`; returns its counts. */
export async function writeFloorFixture(base: string, slug: string, name: string): Promise<{ nodes: number; edges: number }> {
  const response = await fetch(`${base}/api/maps/${slug}`);
  if (!response.ok) throw new Error(`GET /api/maps/${slug} answered ${response.status}`);
  const fixture = await floorFixture((await response.json()) as MapView);
  mkdirSync(FLOOR_DATA_DIR, { recursive: true });
  writeFileSync(path.join(FLOOR_DATA_DIR, `${name}.json`), JSON.stringify(fixture));
  return { nodes: fixture.nodes.length, edges: fixture.edges.length };
}

/** A hash of the floor's sources (not its fixtures, read per request) and the Next it is built with. */
function floorSourcesHash(): string {
  const hash = createHash('sha1').update(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json')));
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else hash.update(path.relative(FLOOR_DIR, full)).update(readFileSync(full));
    }
  };
  visit(FLOOR_DIR);
  return hash.digest('hex');
}

/**
 * Builds the floor when it has no build or its sources changed. Under bench/run.mjs (which holds
 * the e2e lock around each script) it builds directly; run on its own, it takes the lock first.
 */
export function ensureFloorBuild(): void {
  const sources = floorSourcesHash();
  if (existsSync(path.join(FLOOR_DIST, 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources) return;
  console.log('Building the floor (bench/floor).');
  const build = [process.execPath, NEXT_BIN, 'build', FLOOR_DIR];
  const [cmd, ...args] = process.env.ARGMAP_BENCH_BUILD ? build : ['flock', E2E_LOCK, ...build];
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('Could not build the floor (bench/floor).');
  writeFileSync(STAMP, sources);
}

/** Serves the floor's build with `next start` on `port`, reading fixtures from {@link FLOOR_DATA_DIR}. */
export async function startFloor(port: number): Promise<Pick<BenchServer, 'base' | 'stop'>> {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', FLOOR_DIR, '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, FLOOR_DATA_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/op-ed`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}
