import type { LayoutGraph, PartLayout } from '@/lib/argument/layout';
import { layoutInputKey, positionsFromLayout } from '@/lib/argument/layout';
import type { Position } from '@/lib/argument/model';

type LayoutAnswer = { requestId: number; children?: { id: string; x?: number; y?: number }[]; error?: string };

/** Layouts made in this page, kept by input key (a fold opened and closed again is not laid out twice). */
const KEPT_MAX = 16;

let worker: Worker | null = null;
let nextRequest = 0;
const pending = new Map<number, (answer: LayoutAnswer) => void>();
const kept = new Map<string, Map<string, Position>>();

function layoutWorker(): Worker {
  if (!worker) {
    // ELK (433 KB gz) loads only here, in a worker, the first time something needs laying out that
    // the page's own layouts do not cover (a new point, a fold of the reader's, a card drawn bigger than guessed).
    const made = new Worker(new URL('./layout.worker.ts', import.meta.url));
    made.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      pending.get(event.data.requestId)?.(event.data);
      pending.delete(event.data.requestId);
    };
    // Its script could not be fetched (offline, a new deploy) or it failed: every layout asked of it
    // fails now, with a notice (the canvas shows what it has), and the next one starts a new worker.
    const fail = () => {
      if (worker === made) worker = null;
      made.terminate();
      for (const [requestId, settle] of pending) settle({ requestId, error: 'the layout worker could not run (is the connection down?)' });
      pending.clear();
    };
    made.onerror = fail;
    made.onmessageerror = fail;
    worker = made;
  }
  return worker;
}

/** The positions of a layout sent with the page. */
export function positionsOf(layout: PartLayout): Map<string, Position> {
  return new Map(Object.entries(layout.positions).map(([id, [x, y]]) => [id, { x, y }]));
}

/**
 * Each node's top-left position for `graph`: from `sent` (the page's layouts, by input key) when one
 * answers exactly this input, else from ELK in a Web Worker — one request per input, kept.
 */
export function runLayout(graph: LayoutGraph, sent: ReadonlyMap<string, PartLayout> = new Map()): Promise<Map<string, Position>> {
  const key = layoutInputKey(graph);
  const known = sent.get(key);
  if (known) return Promise.resolve(positionsOf(known));
  const done = kept.get(key);
  if (done) return Promise.resolve(done);
  const requestId = ++nextRequest;
  return new Promise((resolve, reject) => {
    pending.set(requestId, (answer) => {
      if (answer.error !== undefined) return reject(new Error(answer.error));
      const positions = positionsFromLayout(answer);
      kept.set(key, positions);
      if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
      resolve(positions);
    });
    layoutWorker().postMessage({ requestId, graph });
  });
}
