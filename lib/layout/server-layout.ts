import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { foldedView, mainReasonsFolds, visiblePart } from '@/lib/argument/folding';
import { layoutInputKey, partLayout, positionsFromLayout, type LayoutGraph, type PageLayouts, type PartLayout } from '@/lib/argument/layout';
import type { ArgumentGraph } from '@/lib/argument/model';
import { guessedLayoutInput } from '@/lib/canvas/cards';

/**
 * Map layouts made on the server, so a map page arrives with its cards' positions and the browser
 * draws them where they belong at once, without downloading ELK (433 KB gz) or laying the map out
 * on a school laptop. ELK's layered layout runs in one worker thread (a 1,000-point map takes about
 * a second there; the server's event loop never waits on it), each layout kept by the key of its
 * input, so a map is laid out once per change of its structure or words, whoever opens it.
 */

/** How long a page waits for a layout not made yet; then it is served without, and the browser lays the map out itself. */
export const PAGE_LAYOUT_WAIT_MS = 2_500;
/** Layouts waiting for the thread, at most; a page asking for more is served without one (the browser lays it out). */
export const LAYOUT_QUEUE_MAX = 8;
/** Layouts kept, least recently used first out (one of a 1,000-point map is ~30 KB). */
export const LAYOUT_CACHE_MAX = 64;
/** A layout still running after this is abandoned and the thread restarted (5,000 points, the most a map holds, take ~10 s). */
export const LAYOUT_TIMEOUT_MS = 60_000;

/** The thread: ELK's bundled build, resolved from the app's own node_modules, answering one layout at a time. */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require('node:module').createRequire(workerData.from)('elkjs/lib/elk.bundled.js');
const elk = new ELK();
parentPort.on('message', async ({ id, graph }) => {
  try {
    const laidOut = await elk.layout(graph);
    parentPort.postMessage({ id, children: (laidOut.children || []).map((c) => ({ id: c.id, x: c.x, y: c.y })) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Answer = { id: number; children?: { id: string; x?: number; y?: number }[]; error?: string };

interface Job {
  key: string;
  graph: LayoutGraph;
  done: Promise<PartLayout | undefined>;
  settle: (layout: PartLayout | undefined) => void;
}

interface LayoutState {
  thread: Worker | null;
  running: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  queue: Job[];
  /** Key → layout, in least-recently-used order. */
  cache: Map<string, PartLayout>;
  /** Jobs queued or running, by key: one layout per input, however many pages ask. */
  jobs: Map<string, Job>;
  nextId: number;
}

// On globalThis so the dev server's module reloads share one thread and one cache.
const state: LayoutState = ((globalThis as { argmapLayouts?: LayoutState }).argmapLayouts ??= {
  thread: null,
  running: null,
  queue: [],
  cache: new Map(),
  jobs: new Map(),
  nextId: 0,
});

function finish(job: Job, layout: PartLayout | undefined): void {
  state.jobs.delete(job.key);
  if (layout) {
    state.cache.set(job.key, layout);
    while (state.cache.size > LAYOUT_CACHE_MAX) state.cache.delete(state.cache.keys().next().value!);
  }
  job.settle(layout);
}

function thread(): Worker {
  if (state.thread) return state.thread;
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { from: path.join(process.cwd(), 'package.json') } });
  // An idle thread does not keep the process alive (a test, a script).
  worker.unref();
  worker.on('message', (answer: Answer) => {
    const job = state.running;
    if (!job || job.id !== answer.id) return;
    clearTimeout(job.timer);
    state.running = null;
    if (answer.error !== undefined) console.error(`Server layout failed: ${answer.error}`);
    finish(job, answer.error === undefined ? partLayout(job.graph, positionsFromLayout(answer)) : undefined);
    next();
  });
  worker.on('error', (error) => console.error('The layout thread failed:', error));
  worker.on('exit', () => {
    if (state.thread === worker) state.thread = null;
    // Whatever it was doing is lost: that page is served without, and the next job starts a new thread.
    const job = state.running;
    if (job) {
      clearTimeout(job.timer);
      state.running = null;
      finish(job, undefined);
    }
    next();
  });
  state.thread = worker;
  return worker;
}

function next(): void {
  if (state.running) return;
  const job = state.queue.shift();
  if (!job) return;
  const id = ++state.nextId;
  const timer = setTimeout(() => {
    console.error(`Server layout of ${job.graph.children.length} boxes passed ${LAYOUT_TIMEOUT_MS / 1000} s; restarting the layout thread.`);
    void state.thread?.terminate();
  }, LAYOUT_TIMEOUT_MS);
  timer.unref();
  state.running = { ...job, id, timer };
  thread().postMessage({ id, graph: job.graph });
}

/** The layout of `graph`: kept, under way, or started now — undefined when the queue is full or it failed. */
export function layoutOf(graph: LayoutGraph): Promise<PartLayout | undefined> {
  const key = layoutInputKey(graph);
  const kept = state.cache.get(key);
  if (kept) {
    state.cache.delete(key);
    state.cache.set(key, kept);
    return Promise.resolve(kept);
  }
  const pending = state.jobs.get(key);
  if (pending) return pending.done;
  if (state.queue.length >= LAYOUT_QUEUE_MAX) return Promise.resolve(undefined);
  let settle!: Job['settle'];
  const done = new Promise<PartLayout | undefined>((resolve) => (settle = resolve));
  const job: Job = { key, graph, done, settle };
  state.jobs.set(key, job);
  state.queue.push(job);
  next();
  return done;
}

/** Waits for `promise` up to `ms`; undefined after that (the work goes on and is kept for the next page). */
function within<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The layouts a map page opens with, from each card's guessed room (`guessedLayoutInput`): the
 * whole map, and the part "Main reasons" draws. Each waits at most {@link PAGE_LAYOUT_WAIT_MS};
 * what is not ready then is left out and the browser lays that part out itself.
 */
export async function pageLayouts(graph: ArgumentGraph): Promise<PageLayouts> {
  if (graph.nodes.length === 0) return {};
  const folds = mainReasonsFolds(graph);
  const main = folds.size > 0 ? visiblePart(graph, foldedView(graph, folds).visible, folds) : null;
  const [whole, mainLayout] = await Promise.all([
    within(layoutOf(guessedLayoutInput(graph)), PAGE_LAYOUT_WAIT_MS),
    main ? within(layoutOf(guessedLayoutInput(main)), PAGE_LAYOUT_WAIT_MS) : undefined,
  ]);
  return { ...(whole && { whole }), ...(mainLayout && { main: mainLayout }) };
}
