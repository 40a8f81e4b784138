'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  NodeToolbar,
  Panel,
  Position,
  ReactFlow,
  useEdgesState,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
  ViewportPortal,
  type EdgeChange,
  type NodeChange,
  type NodeMouseHandler,
  type EdgeMouseHandler,
  type OnNodeDrag,
  type OnConnectEnd,
} from '@xyflow/react';
import { LoaderCircle } from 'lucide-react';
import { can } from '@/lib/auth/permissions';
import { rootIds } from '@/lib/argument/graph';
import { buildLayoutGraph, estimateCardSize, junctionId, type Size } from '@/lib/argument/layout';
import { matchingNodes } from '@/lib/argument/filter';
import type { MapView } from '@/lib/argument/map-view';
import { KIND_STYLES } from '@/components/argument-kinds';
import { useMapStore } from '@/components/map-workspace/map-store';
import { NodeActions } from '@/components/inspector/node-actions';
import { ArgumentEdge, EdgeMarkers } from './argument-edge';
import { ArgumentNodeCard, JunctionNode } from './argument-node';
import { buildFlowEdges, buildFlowNodes, structureKey, type ArgumentFlowEdge, type FlowNode } from './flow-elements';
import { MapLegend } from './map-legend';
import { runLayout, warmLayoutWorker } from './run-layout';
import { ConnectChooser, type PendingConnection } from './connect-chooser';

/**
 * Above this many points a map is "large": only the cards in view are drawn, and the first layout
 * uses sizes estimated from the words instead of drawing all the cards first to measure them
 * (drawing 1,000 cards at once blocked the page for over a second).
 */
const LARGE_MAP = 300;

/** Below this zoom card text is too small to read, so a large map opens on its thesis instead of fitting. */
const READABLE_ZOOM = 0.6;

/** Where a large map opens: its thesis, or (an imported map without one) its top-most root. */
function anchorNode(view: MapView, positions: Map<string, { x: number; y: number }>): string | undefined {
  const thesis = view.nodes.find((n) => n.kind === 'thesis');
  if (thesis) return thesis.id;
  const roots = new Set(rootIds(view));
  const pos = (id: string) => view.nodes.find((n) => n.id === id)?.position ?? positions.get(id) ?? { x: 0, y: 0 };
  return [...roots].sort((a, b) => pos(a).y - pos(b).y || pos(a).x - pos(b).x)[0];
}

/** Opens the map: the whole of it when it fits readably, otherwise the thesis and its first reasons. */
function showThesisFirst(flow: ReturnType<typeof useReactFlow<FlowNode>>, thesisId: string | undefined) {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const bounds = flow.getNodesBounds(flow.getNodes());
  const thesis = thesisId ? flow.getInternalNode(thesisId) : undefined;
  const fitZoom = pane ? Math.min(pane.width / (bounds.width * 1.16), pane.height / (bounds.height * 1.16)) : 1;
  if (!pane || !thesis || fitZoom >= READABLE_ZOOM) {
    void flow.fitView({ padding: 0.08, maxZoom: 1 });
    return;
  }
  const zoom = 0.85;
  const { x, y } = thesis.internals.positionAbsolute;
  const width = thesis.measured.width ?? 0;
  void flow.setViewport({ x: pane.width / 2 - (x + width / 2) * zoom, y: 48 - y * zoom, zoom });
}

/** Centres the canvas on one node at a readable zoom. */
function centreOn(flow: ReturnType<typeof useReactFlow<FlowNode>>, at: { x: number; y: number }, size: Size) {
  void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.max(flow.getViewport().zoom, 0.85) });
}

// In the browser, start the layout worker as soon as this module loads: ELK then parses on the other
// core while the page hydrates and the cards are measured, instead of after.
if (typeof window !== 'undefined') warmLayoutWorker();

const nodeTypes = { argument: ArgumentNodeCard, junction: JunctionNode };
const edgeTypes = { argument: ArgumentEdge };

/** The React Flow view of the map. Reads the shared store; selection here is selection everywhere. */
export function MapCanvas() {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const highlights = useMapStore((s) => s.highlights);
  const selection = useMapStore((s) => s.selection);
  const focusRequest = useMapStore((s) => s.focusRequest);
  const layoutRequest = useMapStore((s) => s.layoutRequest);
  const select = useMapStore((s) => s.select);
  const savePosition = useMapStore((s) => s.savePosition);
  const notify = useMapStore((s) => s.notify);
  const readOnly = useMapStore((s) => s.history?.at != null || !can(s.view.viewer.role, 'arrange'));
  const canConnect = useMapStore((s) => s.history?.at == null && can(s.view.viewer.role, 'add'));
  const filter = useMapStore((s) => s.filter);
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const openOn = useRef(selection?.type === 'node' ? selection.id : selection?.type === 'inference' ? junctionId(selection.id) : null);
  const containerRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow<FlowNode>();

  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<ArgumentFlowEdge>(buildFlowEdges(view));
  const [laidOut, setLaidOut] = useState(false);
  const [animating, setAnimating] = useState(false);
  const initialized = useNodesInitialized();
  const layoutDone = useRef<string | null>(null);
  const largeMap = view.nodes.length > LARGE_MAP;
  const laidOutRef = useRef(false);

  // Keep canvas nodes in step with the map, keeping what React Flow measured and where nodes are.
  useEffect(() => {
    const kept = matchingNodes(view, (id) => evaluation.nodes[id]?.status, filter);
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      return buildFlowNodes(view, evaluation, highlights).map((n) => {
        const className = kept && n.type === 'argument' && !kept.has(n.id) ? 'argmap-dimmed' : undefined;
        const old = byId.get(n.id);
        // A large map's cards wait, undrawn, for the first layout (see `LARGE_MAP`).
        if (!old) return { ...n, className, hidden: largeMap && !laidOutRef.current };
        const saved = n.type === 'argument' ? n.data.node.position : null;
        return { ...n, className, position: saved ?? old.position, measured: old.measured, selected: old.selected };
      });
    });
    setEdges(buildFlowEdges(view));
  }, [view, evaluation, highlights, filter, largeMap, setNodes, setEdges]);

  // Mirror the shared selection onto canvas nodes and edges.
  useEffect(() => {
    const selectedNode = selection?.type === 'node' ? selection.id : selection?.type === 'inference' ? junctionId(selection.id) : null;
    setNodes((ns) => ns.map((n) => (n.selected === (n.id === selectedNode) ? n : { ...n, selected: n.id === selectedNode })));
    setEdges((es) =>
      es.map((e) => {
        const on = selection?.type === 'inference' && e.data?.relation === 'supports' && e.data.inferenceId === selection.id;
        return e.selected === on ? e : { ...e, selected: on };
      }),
    );
  }, [selection, nodes.length, setNodes, setEdges]);

  const structure = useMemo(() => structureKey(view), [view]);

  // Lay out whenever the structure changes (once the new cards are measured) or "Tidy" asks.
  useEffect(() => {
    // A large map is laid out once before any card is drawn, from sizes estimated from the words.
    if (!initialized && !(largeMap && !laidOutRef.current)) return;
    const key = `${structure}#${layoutRequest}`;
    if (layoutDone.current === key) return;
    layoutDone.current = key;
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) {
      if (n.measured?.width && n.measured?.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    }
    const first = !laidOut;
    let cancelled = false;
    let finished = false;
    runLayout(buildLayoutGraph(view, sizes))
      .then((positions) => {
        finished = true;
        if (cancelled) return;
        const saved = new Map(view.nodes.filter((n) => n.position).map((n) => [n.id, n.position!]));
        if (!first) setAnimating(true);
        setNodes((ns) => ns.map((n) => ({ ...n, hidden: false, position: saved.get(n.id) ?? positions.get(n.id) ?? n.position })));
        laidOutRef.current = true;
        setLaidOut(true);
        // `argmap:canvas-ready`: the first frame with the laid-out cards in view (bench/browser.ts times it).
        // Opening with a point selected (e.g. coming back from the outline) shows that point.
        if (first) {
          requestAnimationFrame(() => {
            // From the layout's own answer: the canvas may not have applied the new positions yet.
            const open = openOn.current;
            const at = open ? (saved.get(open) ?? positions.get(open)) : undefined;
            const node = open ? view.nodes.find((n) => n.id === open) : undefined;
            if (open && at) centreOn(flow, at, sizes.get(open) ?? (node ? estimateCardSize(node) : { width: 14, height: 14 }));
            else showThesisFirst(flow, anchorNode(view, positions));
            requestAnimationFrame(() => performance.mark('argmap:canvas-ready'));
          });
        }
        else setTimeout(() => setAnimating(false), 400);
      })
      .catch((error: unknown) => {
        finished = true;
        notify({ tone: 'error', message: `The automatic layout failed: ${error instanceof Error ? error.message : String(error)}` });
        setLaidOut(true);
      });
    return () => {
      cancelled = true;
      // Interrupted (e.g. the new cards were not measured yet): the next run must lay out again.
      if (!finished && layoutDone.current === key) layoutDone.current = null;
    };
    // `view` is read through `structure`; text edits alone do not re-run the layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialized, structure, layoutRequest]);

  // Bring the selection into view when another view (essay, inspector) asks.
  useEffect(() => {
    if (focusRequest === 0 || !selection) return;
    const id = selection.type === 'node' ? selection.id : junctionId(selection.id);
    const timer = setTimeout(() => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const width = node.measured.width ?? 0;
      const height = node.measured.height ?? 0;
      const { zoom } = flow.getViewport();
      flow.setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, {
        zoom: Math.max(zoom, 0.85),
        duration: 450,
      });
    }, 60);
    return () => clearTimeout(timer);
  }, [focusRequest, selection, flow]);

  const handleNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => onNodesChange(changes.filter((c) => c.type !== 'select' && c.type !== 'remove')),
    [onNodesChange],
  );
  const handleEdgesChange = useCallback(
    (changes: EdgeChange<ArgumentFlowEdge>[]) => onEdgesChange(changes.filter((c) => c.type !== 'select' && c.type !== 'remove')),
    [onEdgesChange],
  );
  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      select(node.type === 'junction' ? { type: 'inference', id: node.data.inferenceId } : { type: 'node', id: node.id });
      // Selecting opens the inspector beside the canvas, which narrows it: keep the card in view.
      setTimeout(() => {
        const pane = containerRef.current?.getBoundingClientRect();
        const card = containerRef.current?.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`)?.getBoundingClientRect();
        if (!pane || !card || (card.left >= pane.left && card.right <= pane.right && card.top >= pane.top && card.bottom <= pane.bottom)) return;
        const internal = flow.getInternalNode(node.id);
        if (!internal) return;
        const { x, y } = internal.internals.positionAbsolute;
        void flow.setCenter(x + (internal.measured.width ?? 0) / 2, y + (internal.measured.height ?? 0) / 2, { zoom: flow.getViewport().zoom, duration: 300 });
      }, 150);
    },
    [select, flow],
  );
  const onEdgeClick: EdgeMouseHandler<ArgumentFlowEdge> = useCallback(
    (_event, edge) => {
      if (edge.data?.relation === 'supports' && edge.data.inferenceId) select({ type: 'inference', id: edge.data.inferenceId });
      else select({ type: 'node', id: edge.source });
    },
    [select],
  );
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, node) => {
      if (node.type === 'argument') void savePosition(node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) });
    },
    [savePosition],
  );

  // A drag from a card's connect handle, dropped on another card (or a step's junction): ask which relation.
  const onConnectEnd: OnConnectEnd = useCallback((event, state) => {
    const from = state.fromNode?.id;
    if (!from) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const under = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
    const targetId = state.toNode?.id ?? under?.dataset.id;
    if (!targetId || targetId === from) return;
    const target = flow.getNode(targetId);
    const to = target?.type === 'junction' ? target.data.inferenceId : targetId;
    const box = containerRef.current?.getBoundingClientRect();
    setPending({ from, to, x: point.clientX - (box?.left ?? 0), y: point.clientY - (box?.top ?? 0) });
  }, [flow]);

  const selectedNodeId = selection?.type === 'node' ? selection.id : null;

  return (
    <div ref={containerRef} className={`@container relative h-full w-full ${animating ? '[&_.react-flow\\_\\_node]:transition-transform [&_.react-flow\\_\\_node]:duration-300' : ''}`} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handleNodesChange}
        onEdgesChange={handleEdgesChange}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => select(null)}
        nodesConnectable={canConnect}
        onConnectEnd={onConnectEnd}
        connectionRadius={40}
        className={canConnect ? undefined : 'nodes-locked'}
        nodesDraggable={!readOnly}
        deleteKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={largeMap}
        proOptions={{ hideAttribution: false }}
        style={{ opacity: laidOut ? 1 : 0, transition: 'opacity 200ms' }}
        aria-label="Argument map canvas"
      >
        {/* Inside the viewport, so exported images carry the arrowheads too. */}
        <ViewportPortal>
          <EdgeMarkers />
        </ViewportPortal>
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} position="bottom-right" />
        <MiniMap
          position="top-right"
          pannable
          zoomable
          ariaLabel="Overview of the whole map"
          nodeColor={(n) => (n.type === 'argument' ? KIND_STYLES[(n as FlowNode & { type: 'argument' }).data.node.kind].color : '#64748b')}
          className="!hidden !rounded-lg !border !border-slate-200 !shadow-sm @[760px]:!block"
        />
        <Panel position="bottom-left" className="hidden @[600px]:block">
          <MapLegend />
        </Panel>
        {selectedNodeId && !readOnly && (
          <NodeToolbar nodeId={selectedNodeId} position={Position.Top} offset={10} isVisible>
            <NodeActions nodeId={selectedNodeId} compact />
          </NodeToolbar>
        )}
      </ReactFlow>
      {pending && <ConnectChooser pending={pending} onClose={() => setPending(null)} />}
      {view.nodes.length === 0 ? (
        <div className="pointer-events-none absolute inset-0 grid place-items-center p-8" data-testid="canvas.empty">
          <div className="max-w-md rounded-xl border border-dashed border-slate-300 bg-white/90 p-6 text-center text-slate-600 shadow-sm">
            <p className="text-base font-semibold text-slate-800">This map is empty — start with the thesis.</p>
            <p className="mt-2 text-sm">
              Select the sentence in the essay that states the conclusion and mark it as the thesis, or press <strong>Suggest units</strong> to see
              candidates. Then mark its reasons and evidence, and drag from a card’s right-hand handle onto another to connect them.
            </p>
          </div>
        </div>
      ) : !laidOut && (
        <div className="absolute inset-0 grid place-items-center text-slate-500" role="status">
          <span className="inline-flex items-center gap-2">
            <LoaderCircle aria-hidden className="h-5 w-5 animate-spin" /> Laying out the map…
          </span>
        </div>
      )}
    </div>
  );
}
