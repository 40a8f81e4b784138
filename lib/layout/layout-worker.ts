// Lays maps out off the server's main thread (lib/layout/server-layout.ts starts it and posts one
// layout input at a time): ELK's layered layout is synchronous, about a second for 1,000 points.
import { parentPort } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutGraph } from '../argument/layout';

const elk = new ELK();

parentPort!.on('message', async ({ id, graph }: { id: number; graph: LayoutGraph }) => {
  try {
    const laidOut = await elk.layout(graph);
    parentPort!.postMessage({ id, children: (laidOut.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
