/// <reference lib="webworker" />
// Runs ELK's layered layout off the main thread; the canvas posts a LayoutGraph and gets positions back.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutGraph } from '@/lib/argument/layout';

const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ requestId: number; graph: LayoutGraph }>) => {
  const { requestId, graph } = event.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ requestId, children: (result.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })) });
  } catch (error) {
    self.postMessage({ requestId, error: error instanceof Error ? error.message : String(error) });
  }
};
