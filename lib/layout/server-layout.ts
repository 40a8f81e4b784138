import 'server-only';
import { Worker } from 'node:worker_threads';
import { foldedView, mainReasonsFolds, visiblePart } from '@/lib/argument/folding';
import { layoutInputKey, partLayout, positionsFromLayout, type LayoutGraph, type PageLayouts, type PartLayout } from '@/lib/argument/layout';
import type { ArgumentGraph } from '@/lib/argument/model';
import { guessedLayoutInput } from '@/lib/canvas/cards';

/**
 * Map layouts made on the server, so a map page arrives with its cards' positions and the browser
 * draws them where they belong at once, without downloading ELK (433 KB gz) or laying the map out
 * on a school laptop. ELK's layered layout runs in one worker thread (`layout-worker.ts`; a
 * 1,000-point map takes about a second there, and the server's event loop never waits on it), each
 * layout kept by the key of its input, so a map is laid out once per change of its structure or
 * words, whoever opens it.
 */

/** How long a page waits for a layout not made yet; then it is served without, and the browser lays the map out itself. */
export const PAGE_LAYOUT_WAIT_MS = 2_500;
/**
 * A page waits only for layouts it can expect within that time: its own, kept or running, or one
 * that starts with at most this many boxes (cards and junctions) to lay out before it is done, its
 * own included (ELK lays out ~1,000 boxes a second here). Else it is served at once without, and
 * the layout is made for the next page: one class's big map never holds up another's small one.
 */
export const LAYOUT_WAIT_BOXES_MAX = 2_000;
/** Layouts waiting for the thread, at most; a page asking for more is served without one (the browser lays it out). */
export const LAYOUT_QUEUE_MAX = 8;
/** Layouts kept, least recently used first out (one of a 1,000-point map is ~30 KB). */
export const LAYOUT_CACHE_MAX = 64;
/** A layout still running after this is abandoned and the thread restarted (5,000 points, the most a map holds, take ~10 s). */
export const LAYOUT_TIMEOUT_MS = 60_000;
/** Memory the layout thread may use; a layout that needs more fails (that page goes without) and the thread restarts. */
export const LAYOUT_THREAD_MEMORY_MB = 512;
/** After this many thread failures in a row (it cannot start, it crashed), server layouts pause for {@link LAYOUT_PAUSE_MS}. */
export const LAYOUT_FAILURES_MAX = 3;
export const LAYOUT_PAUSE_MS = 60_000;

type Answer = { id: number; children?: { id: string; x?: number; y?: number }[]; error?: string };

interface Job {
  key: string;
  /** The map (and part) it is for: a newer layout of it replaces one still waiting. */
  map: string;
  graph: LayoutGraph;
  done: Promise<PartLayout | undefined>;
  settle: (layout: PartLayout | undefined) => void;
}

interface LayoutState {
  thread: Worker | null;
  running: (Job & { id: number; timer: ReturnType<typeof setTimeout> }) | null;
  queue: Job[];
  /** Key → layout, in least-recently-used order. */
  cache: Map<string, PartLayout>;
  /** Jobs queued or running, by key: one layout per input, however many pages ask. */
  jobs: Map<string, Job>;
  nextId: number;
  failures: number;
  pausedUntil: number;
}

// On globalThis so the dev server's module reloads share one thread and one cache.
const state: LayoutState = ((globalThis as { argmapLayouts?: LayoutState }).argmapLayouts ??= {
  thread: null,
  running: null,
  queue: [],
  cache: new Map(),
  jobs: new Map(),
  nextId: 0,
  failures: 0,
  pausedUntil: 0,
});

function finish(job: Job, layout: PartLayout | undefined): void {
  state.jobs.delete(job.key);
  if (layout) {
    state.cache.set(job.key, layout);
    while (state.cache.size > LAYOUT_CACHE_MAX) state.cache.delete(state.cache.keys().next().value!);
  }
  job.settle(layout);
}

/** The running job's answer: kept when it places every box of its input, and the next job started. */
function answered(answer: Answer): void {
  const job = state.running;
  if (!job || job.id !== answer.id) return;
  clearTimeout(job.timer);
  state.running = null;
  state.failures = 0;
  if (answer.error !== undefined) console.error(`Server layout failed: ${answer.error}`);
  const positions = answer.error === undefined ? positionsFromLayout(answer) : null;
  const complete = positions !== null && job.graph.children.every((c) => positions.has(c.id));
  finish(job, complete ? partLayout(job.graph, positions) : undefined);
  next();
}

/** The thread stopped or could not start: what it was doing is lost (that page goes without); repeated failures pause server layouts. */
function failed(error: unknown): void {
  console.error('The layout thread failed:', error);
  state.thread = null;
  const job = state.running;
  if (job) {
    clearTimeout(job.timer);
    state.running = null;
    finish(job, undefined);
  }
  state.failures += 1;
  if (state.failures >= LAYOUT_FAILURES_MAX) {
    state.failures = 0;
    state.pausedUntil = Date.now() + LAYOUT_PAUSE_MS;
    console.error(`Server layouts paused for ${LAYOUT_PAUSE_MS / 1000} s after ${LAYOUT_FAILURES_MAX} failures; browsers lay maps out meanwhile.`);
    for (const waiting of state.queue.splice(0)) finish(waiting, undefined);
  }
}

function thread(): Worker | null {
  if (state.thread) return state.thread;
  try {
    // Written out in place: the bundler makes the worker its own entry (with ELK) only from this exact form.
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: LAYOUT_THREAD_MEMORY_MB } });
    // An idle thread does not keep the process alive.
    worker.unref();
    worker.on('message', answered);
    worker.on('error', (error) => {
      if (state.thread === worker) failed(error);
    });
    worker.on('exit', (code) => {
      if (state.thread === worker) failed(new Error(`The layout thread exited (code ${code}).`));
      setImmediate(next);
    });
    state.thread = worker;
    return worker;
  } catch (error) {
    failed(error);
    return null;
  }
}

/** Under Vitest, which runs the TypeScript sources a worker thread cannot load: the same layout on this thread. */
async function layOutHere(id: number, graph: LayoutGraph): Promise<void> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  try {
    const laidOut = await new ELK().layout(structuredClone(graph));
    answered({ id, children: (laidOut.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })) });
  } catch (error) {
    answered({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

function next(): void {
  if (state.running || Date.now() < state.pausedUntil) return;
  const job = state.queue.shift();
  if (!job) return;
  const id = ++state.nextId;
  const timer = setTimeout(() => {
    console.error(`Server layout of ${job.graph.children.length} boxes passed ${LAYOUT_TIMEOUT_MS / 1000} s; restarting the layout thread.`);
    void state.thread?.terminate();
  }, LAYOUT_TIMEOUT_MS);
  timer.unref();
  state.running = { ...job, id, timer };
  if (process.env.VITEST) {
    void layOutHere(id, job.graph);
    return;
  }
  const worker = thread();
  if (worker) worker.postMessage({ id, graph: job.graph });
  else setImmediate(next);
}

/** Boxes laid out before the job with `key` is done (the one running, those queued before it, its own); all queued when it is not queued. */
function boxesUntil(key: string): number {
  let boxes = state.running?.graph.children.length ?? 0;
  for (const job of state.queue) {
    boxes += job.graph.children.length;
    if (job.key === key) break;
  }
  return boxes;
}

/**
 * The layout of `graph` (a part of map `map`): kept, under way, or started now; undefined when
 * server layouts are paused, the queue is full or it failed. `wait`: whether a page can expect it
 * in time (see {@link LAYOUT_WAIT_BOXES_MAX}).
 */
export function layoutOf(graph: LayoutGraph, map = ''): { layout: Promise<PartLayout | undefined>; wait: boolean } {
  const key = layoutInputKey(graph);
  const kept = state.cache.get(key);
  if (kept) {
    state.cache.delete(key);
    state.cache.set(key, kept);
    return { layout: Promise.resolve(kept), wait: true };
  }
  const pending = state.jobs.get(key);
  if (pending) return { layout: pending.done, wait: boxesUntil(key) <= LAYOUT_WAIT_BOXES_MAX };
  if (Date.now() < state.pausedUntil) return { layout: Promise.resolve(undefined), wait: false };
  // A newer layout of the same map replaces one still waiting: an older version of it, no longer shown.
  if (map !== '') {
    for (const old of state.queue.filter((j) => j.map === map)) {
      state.queue.splice(state.queue.indexOf(old), 1);
      finish(old, undefined);
    }
  }
  if (state.queue.length >= LAYOUT_QUEUE_MAX) return { layout: Promise.resolve(undefined), wait: false };
  let settle!: Job['settle'];
  const done = new Promise<PartLayout | undefined>((resolve) => (settle = resolve));
  const job: Job = { key, map, graph, done, settle };
  state.jobs.set(key, job);
  state.queue.push(job);
  const wait = boxesUntil(key) <= LAYOUT_WAIT_BOXES_MAX;
  next();
  return { layout: done, wait };
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
 * part "Main reasons" draws (what a big map opens on, and the smaller) and the whole map. Each is
 * waited for at most {@link PAGE_LAYOUT_WAIT_MS}, and only when it can be expected by then; what is
 * not ready is left out (and made for the next page), and the browser lays that part out itself.
 * `map` names the map, so a newer version of it replaces an older one still waiting.
 */
export async function pageLayouts(graph: ArgumentGraph, map = ''): Promise<PageLayouts> {
  if (graph.nodes.length === 0) return {};
  const folds = mainReasonsFolds(graph);
  const main = folds.size > 0 ? visiblePart(graph, foldedView(graph, folds).visible, folds) : null;
  const mainJob = main ? layoutOf(guessedLayoutInput(main), map && `${map}#main`) : null;
  const wholeJob = layoutOf(guessedLayoutInput(graph), map);
  const waitFor = ({ layout, wait }: ReturnType<typeof layoutOf>) => (wait ? within(layout, PAGE_LAYOUT_WAIT_MS) : Promise.resolve(undefined));
  const [mainLayout, whole] = await Promise.all([mainJob ? waitFor(mainJob) : undefined, waitFor(wholeJob)]);
  return { ...(whole && { whole }), ...(mainLayout && { main: mainLayout }) };
}
