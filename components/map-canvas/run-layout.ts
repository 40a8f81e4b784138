import type { LayoutGraph } from '@/lib/argument/layout';
import { positionsFromLayout } from '@/lib/argument/layout';
import type { Position } from '@/lib/argument/model';

type LayoutAnswer = { requestId: number; children?: { id: string; x?: number; y?: number }[]; error?: string };

let worker: Worker | null = null;
let nextRequest = 0;
const pending = new Map<number, (answer: LayoutAnswer) => void>();

function layoutWorker(): Worker {
  if (!worker) {
    // ELK (~450 KB) loads only here, in a worker, the first time a map needs laying out.
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url));
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      pending.get(event.data.requestId)?.(event.data);
      pending.delete(event.data.requestId);
    };
  }
  return worker;
}

/**
 * Starts the layout worker (and its ELK parse, ~1.4 MB of script) ahead of the first layout, so it
 * loads on the other core while the page hydrates and the cards are measured.
 */
export function warmLayoutWorker(): void {
  layoutWorker();
}

/** Lays the graph out in a Web Worker and returns each node's top-left position. */
export function runLayout(graph: LayoutGraph): Promise<Map<string, Position>> {
  const requestId = ++nextRequest;
  return new Promise((resolve, reject) => {
    pending.set(requestId, (answer) => {
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(positionsFromLayout(answer));
    });
    layoutWorker().postMessage({ requestId, graph });
  });
}
