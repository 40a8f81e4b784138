'use client';

import { useEffect, useMemo, useRef } from 'react';
import { ReactFlow, useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const READY_MARK = 'floor:canvas-ready';
/** Argmap's canvas zoom range (map-canvas.tsx), so fitView frames a big map the same way. */
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;
/** The size React Flow's stylesheet gives a handle, in px. */
const HANDLE_PX = 6;

/**
 * Nodes React Flow can place and cull before drawing them: their size as measured, and their two
 * handles (a default node's: target on top, source below) where it would find them.
 */
function withSizesUpFront(nodes) {
  return nodes.map((node) => ({
    ...node,
    measured: { width: node.width, height: node.height },
    handles: [
      { type: 'target', position: 'top', x: node.width / 2 - HANDLE_PX / 2, y: -HANDLE_PX / 2, width: HANDLE_PX, height: HANDLE_PX },
      { type: 'source', position: 'bottom', x: node.width / 2 - HANDLE_PX / 2, y: node.height - HANDLE_PX / 2, width: HANDLE_PX, height: HANDLE_PX },
    ],
  }));
}

/**
 * Sets `floor:canvas-ready` on the first frame after the nodes are drawn and measured and the view
 * fitted, as map-canvas.tsx sets `argmap:canvas-ready` (a frame to apply, a frame to show). With
 * `fitFirst` it fits the view itself first: React Flow drops the `fitView` prop's fit when the nodes
 * are initialised before its pane can zoom, which nodes measured up front always are.
 */
function ReadyMark({ fitFirst }) {
  const initialized = useNodesInitialized();
  const canZoom = useStore((s) => s.panZoom !== null);
  const { fitView } = useReactFlow();
  const marked = useRef(false);
  useEffect(() => {
    if (!initialized || !canZoom || marked.current) return;
    marked.current = true;
    const mark = () => requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(READY_MARK)));
    if (fitFirst) void fitView().then(mark);
    else mark();
  }, [initialized, canZoom, fitView, fitFirst]);
  return null;
}

/**
 * One map with stock nodes at precomputed positions, sized as Argmap's cards. The culled variant
 * draws only the nodes in view, and gives React Flow their sizes up front so it can cull before it
 * has measured anything (it always draws a node it has not measured).
 */
export function FloorCanvas({ nodes, edges, culled }) {
  const initialNodes = useMemo(() => (culled ? withSizesUpFront(nodes) : nodes), [nodes, culled]);
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow defaultNodes={initialNodes} defaultEdges={edges} fitView onlyRenderVisibleElements={culled} minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM}>
        <ReadyMark fitFirst={culled} />
      </ReactFlow>
    </div>
  );
}
