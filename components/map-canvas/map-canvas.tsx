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
  useStore,
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
import { buildLayoutGraph, estimateCardSize, JUNCTION_SIZE, junctionId, layoutInputKey, type PartLayout, type Size } from '@/lib/argument/layout';
import { foldedView, foldsHiding, mainReasonsFolds, visiblePart } from '@/lib/argument/folding';
import {
  boundsOf,
  COMPACT_ZOOM,
  keepInPlace,
  openingViewport,
  revealViewport,
  surelyTooBigToRead,
  NO_INSETS,
  type Box,
  type Insets,
  type Pane,
} from '@/lib/canvas/camera';
import { matchingNodes } from '@/lib/argument/filter';
import type { MapView } from '@/lib/argument/map-view';
import { KIND_STYLES } from '@/components/argument-kinds';
import { useMapStore, type Selection } from '@/components/map-store/map-store';
import { DEFERRED } from '@/components/map-store/deferred';
import { Deferred } from '@/components/map-store/panel-fallbacks';
import { ArgumentEdge, EdgeMarkers } from './argument-edge';
import { ArgumentNodeCard, JunctionNode } from './argument-node';
import { cardRoom, guessedLayoutInput } from '@/lib/canvas/cards';
import { CanvasCardsContext } from './canvas-context';
import { buildFlowEdges, buildFlowNodes, structureKey, type ArgumentFlowEdge, type FlowNode, type Shown } from './flow-elements';
import { useFolds } from './use-folds';
import { MapLegend } from './map-legend';
import { positionsOf, runLayout } from './run-layout';
import type { PendingConnection } from './connect-chooser';

/**
 * Above this many points drawn a map is "large": only the cards in view are drawn, and the first
 * layout uses sizes estimated from the words instead of drawing all the cards first to measure
 * them (drawing 1,000 cards at once blocked the page for over a second).
 */
const LARGE_MAP = 300;

/** Where a map opens: its thesis, or (an imported map without one) its top-most root. */
function anchorNode(view: MapView, positions: ReadonlyMap<string, { x: number; y: number }>): string | undefined {
  const thesis = view.nodes.find((n) => n.kind === 'thesis');
  if (thesis) return thesis.id;
  const pos = (id: string) => positions.get(id) ?? { x: 0, y: 0 };
  return [...rootIds(view)].sort((a, b) => pos(a).y - pos(b).y || pos(a).x - pos(b).x)[0];
}

/** What the camera does once the layout under way is on screen. */
type CameraPlan =
  /** Open the map (the opening rule of `openingViewport`). */
  | { kind: 'open' }
  /** Fit everything drawn, however small (the reader asked for the whole map). */
  | { kind: 'fit' }
  /** Bring a point or a step into view (see `revealIds`). */
  | { kind: 'reveal'; ids: string[] }
  /** Keep a point where it was on screen (it was just folded or unfolded). */
  | { kind: 'keep'; id: string; before: { x: number; y: number } };

/**
 * What to bring into view for a selection: a card; or a step — its junction when it is drawn with
 * one, else its premises and conclusion together (a one-premise step is just an arrow).
 */
function revealIds(view: MapView, selection: NonNullable<Selection>): string[] {
  if (selection.type === 'node') return [selection.id];
  const step = view.inferences.find((i) => i.id === selection.id);
  return step ? [junctionId(step.id), ...step.premises, step.conclusion] : [];
}

/** The box to bring into view for `revealIds`: the first id's when it is drawn (a card, a junction), else all the others' together. */
function revealBox(ids: readonly string[], boxOf: (id: string) => Box | undefined): Box | undefined {
  const first = ids.length > 0 ? boxOf(ids[0]) : undefined;
  if (first || ids.length < 2) return first;
  return (
    boundsOf(
      ids
        .slice(1)
        .map(boxOf)
        .filter((b): b is Box => b !== undefined),
    ) ?? undefined
  );
}

/** Side of a card's top and bottom handles (`!h-2 !w-2`), and of a junction's (`!h-1 !w-1`), in px. */
const CARD_HANDLE = 8;
const JUNCTION_HANDLE = 4;

/**
 * A node of a large map given its room up front, before it is drawn: a size and its two handles
 * (source on top, target below, where the card puts them), so React Flow can cull it and draw its
 * edges without drawing it first — it draws every node it has neither measured nor been told the
 * handles of, which put all 1,000 cards of a big map in the page at once. Drawn, the node is
 * measured and `measuredNow` drops the guessed handles.
 */
function sizedUpFront(node: FlowNode, room: Size): FlowNode {
  const side = node.type === 'junction' ? JUNCTION_HANDLE : CARD_HANDLE;
  const x = room.width / 2 - side / 2;
  return {
    ...node,
    measured: room,
    handles: [
      { type: 'source', position: Position.Top, x, y: -side / 2, width: side, height: side },
      { type: 'target', position: Position.Bottom, x, y: room.height - side / 2, width: side, height: side },
    ],
  };
}

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
  const page = useMapStore((s) => s.page);
  /** The page's layouts by input key (see `runLayout`). */
  const sent = useMemo(() => new Map<string, PartLayout>(Object.values(page.layouts).map((l: PartLayout) => [l.key, l])), [page]);
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow<FlowNode>();
  const compact = useStore((s) => s.transform[2] < COMPACT_ZOOM);

  /** The canvas's size on screen: what the camera frames. */
  const paneSize = useCallback((): Pane => {
    const box = containerRef.current?.getBoundingClientRect();
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  }, []);
  /**
   * The room the canvas's own panels take along its top (the view choice, the minimap) and its
   * bottom (the legend, the zoom buttons): the camera frames what it shows in the rest.
   */
  const panelInsets = useCallback((): Insets => {
    const pane = containerRef.current?.getBoundingClientRect();
    if (!pane) return NO_INSETS;
    const shown = (selector: string) => {
      const box = containerRef.current?.querySelector(selector)?.getBoundingClientRect();
      return box && box.width > 0 && box.height > 0 ? box : undefined;
    };
    const tops = ['[data-testid="canvas.view-choice"]', '.react-flow__minimap'].map(shown).filter((b) => b !== undefined);
    const bottoms = ['[data-testid="canvas.legend"]', '.react-flow__controls'].map(shown).filter((b) => b !== undefined);
    return {
      top: Math.max(0, ...tops.map((b) => b.bottom - pane.top)),
      right: 0,
      bottom: Math.max(0, ...bottoms.map((b) => pane.bottom - b.top)),
      left: 0,
    };
  }, []);

  /**
   * Whether the whole map cannot open readably in `pane`: from the page's layout of it when there is
   * one (the opening rule on its boxes — so its 59 cards are not drawn just to be folded away), else
   * from the cards' guessed areas.
   */
  const tooBigToOpenWhole = (pane: Pane): boolean => {
    const whole = view === page.view ? page.layouts.whole : undefined;
    if (!whole) return surelyTooBigToRead(view.nodes.map(estimateCardSize), pane);
    const positions = positionsOf(whole);
    for (const n of view.nodes) if (n.position) positions.set(n.id, n.position);
    const rooms = new Map(view.nodes.map((n) => [n.id, cardRoom(n)]));
    const boxOf = (id: string): Box | undefined => {
      const at = positions.get(id);
      const room = rooms.get(id);
      return at && room ? { ...at, width: room.width, height: room.height } : undefined;
    };
    const boxes = view.nodes.map((n) => boxOf(n.id)).filter((b): b is Box => b !== undefined);
    const anchor = anchorNode(view, positions);
    return openingViewport(boxes, pane, anchor ? boxOf(anchor) : undefined)?.kind === 'anchor';
  };

  /** The folds of "Main reasons" for this map (recomputed when the map changes). */
  const mainReasons = useMemo(() => mainReasonsFolds(view), [view]);
  // Folding: the reader's own, kept in this browser. With none kept, a map too big to read whole
  // opens on its main reasons (decided from the screen, the same on every load).
  const [folds, setFolds] = useFolds(view.map.slug, () => {
    // What is selected on opening (back from the outline) stays drawn: a point, or a step's conclusion.
    const opening = selection?.type === 'node' ? selection.id : selection ? view.inferences.find((i) => i.id === selection.id)?.conclusion : undefined;
    // The canvas is not drawn yet: the window stands in for it, less the header and the essay column
    // when one shows — at least the room the canvas will have, so "too big" here is too big there
    // (the layout on screen decides again after, and may still choose the main reasons).
    const essayColumn = window.innerWidth >= 1280 && view.document.text.trim() !== '';
    const pane = { width: window.innerWidth * (essayColumn ? 0.7 : 1), height: window.innerHeight - 100 };
    if (!tooBigToOpenWhole(pane)) return new Set();
    const main = new Set(mainReasons);
    if (opening) {
      for (const id of foldsHiding(view, main, opening)) main.delete(id);
      if (selection?.type === 'inference') main.delete(opening);
    }
    return main;
  });
  const shown = useMemo<Shown | null>(() => {
    if (!folds) return null;
    // Folds of points since deleted are dropped (one pass over the map, one over the folds).
    const live = new Set(view.nodes.map((n) => n.id));
    const folded = new Set([...folds.folded].filter((id) => live.has(id)));
    const foldView = foldedView(view, folded);
    return { part: visiblePart(view, foldView.visible, folded), folds: foldView, folded };
  }, [view, folds]);

  /**
   * The page's layout of the part drawn, if it made one: for the page's own map, its whole or its
   * main reasons as they are (no need to check); else the one whose input key is this part's, as
   * guessed (a classmate's point since, a card edited: none).
   */
  const sentLayoutOf = (part: Shown): PartLayout | undefined => {
    if (view === page.view) {
      if (part.folded.size === 0) return page.layouts.whole;
      if (part.folded.size === mainReasons.size && [...part.folded].every((id) => mainReasons.has(id))) return page.layouts.main;
    }
    return sent.get(layoutInputKey(guessedLayoutInput(part.part)));
  };
  /**
   * Where the page's layout puts the cards of the part drawn, when it laid out exactly that part
   * from guessed rooms: a large map draws its cards there at once (see `sizedUpFront`).
   */
  const sentPositions = useMemo(() => {
    if (!shown || sent.size === 0) return null;
    const layout = sentLayoutOf(shown);
    return layout ? positionsOf(layout) : null;
    // `sentLayoutOf` reads the view through `shown`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, sent]);
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>([]);
  /** Canvas ids with a place: saved, sent with the page, or given by a layout on screen. */
  const placed = useRef(new Set<string>());
  const [edges, setEdges, onEdgesChange] = useEdgesState<ArgumentFlowEdge>([]);
  const [laidOut, setLaidOut] = useState(false);
  const [animating, setAnimating] = useState(false);
  const initialized = useNodesInitialized();
  const layoutDone = useRef<string | null>(null);
  /** The layout key whose positions are on the canvas now. */
  const applied = useRef<string | null>(null);
  const largeMap = (shown?.part.nodes.length ?? 0) > LARGE_MAP;
  const laidOutRef = useRef(false);
  const camera = useRef<CameraPlan | null>(selection ? { kind: 'reveal', ids: revealIds(view, selection) } : { kind: 'open' });

  // Keep canvas nodes in step with the map, keeping what React Flow measured and where nodes are.
  useEffect(() => {
    if (!shown) return;
    const kept = matchingNodes(view, (id) => evaluation.nodes[id]?.status, filter);
    const flowNodes = buildFlowNodes(view, evaluation, highlights, shown);
    const savedAt = (n: FlowNode) => (n.type === 'argument' ? n.data.node.position : null);
    // Cards no layout has placed yet (a classmate's new point, a branch just unfolded): drawn, so they
    // can be measured, but unseen — with their lines — until the layout that places them lands.
    for (const n of flowNodes) if (savedAt(n) ?? sentPositions?.get(n.id)) placed.current.add(n.id);
    const unplaced = new Set(flowNodes.filter((n) => !placed.current.has(n.id)).map((n) => n.id));
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      return flowNodes.map((n) => {
        const classes = [kept && n.type === 'argument' && !kept.has(n.id) ? 'argmap-dimmed' : '', unplaced.has(n.id) && !largeMap ? 'argmap-unplaced' : ''];
        const className = classes.filter(Boolean).join(' ') || undefined;
        const old = byId.get(n.id);
        if (!old) {
          // Placed by the page's layout: drawn there with its room up front, so the first frame has
          // every card and edge, and a large map culls from the start (`sizedUpFront`). Else a large
          // map's new cards wait, undrawn, for the layout that places them (see `LARGE_MAP`).
          const at = savedAt(n) ?? sentPositions?.get(n.id);
          if (at)
            return sizedUpFront(
              { ...n, className, position: at },
              n.type === 'argument' ? cardRoom(n.data.node) : { width: JUNCTION_SIZE, height: JUNCTION_SIZE },
            );
          return { ...n, className, hidden: largeMap };
        }
        return { ...n, className, position: savedAt(n) ?? old.position, measured: old.measured, selected: old.selected };
      });
    });
    const later = new Set(Object.keys(evaluation.nodes).filter((id) => evaluation.nodes[id].status === 'later'));
    setEdges(buildFlowEdges(shown.part, later).map((e) => (unplaced.has(e.source) || unplaced.has(e.target) ? { ...e, hidden: true } : e)));
  }, [view, evaluation, highlights, filter, largeMap, shown, sentPositions, setNodes, setEdges]);

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

  const structure = useMemo(() => (shown ? structureKey(shown.part) : null), [shown]);
  /**
   * Bumped when a card is drawn bigger than the room the layout on screen gave it (a font wider than
   * guessed, words edited longer): lay out again, from the cards as drawn.
   */
  const [regrown, setRegrown] = useState(0);
  /** The rooms the layout on screen gave the cards. */
  const roomsOnScreen = useRef<ReadonlyMap<string, Size>>(new Map());
  const layoutKey = `${structure}#${layoutRequest}#${regrown}`;
  /** The cards can be laid out: measured, or (a large map) to be laid out from estimates. */
  const ready = initialized || largeMap;
  /** React Flow can move the camera (its pan-zoom is set up once the pane is mounted). */
  const canZoom = useStore((s) => s.panZoom !== null);
  /**
   * The first layout is the page's own: it is drawn at once, without waiting for the cards to be
   * measured (the camera frames their guessed rooms); `regrown` lays out again if one outgrew its room.
   */
  const openFromSent = !laidOut && sentPositions !== null && canZoom;
  const initializedRef = useRef(initialized);
  /** Set when the opening is on screen but its cards are not all measured yet: the ready mark waits for them. */
  const markWhenMeasured = useRef(false);
  /** The layout key as of the last render, for timers that fire later. */
  const currentLayout = useRef(layoutKey);
  useEffect(() => {
    currentLayout.current = layoutKey;
  }, [layoutKey]);

  /** A node's size as React Flow measured it (or was told it up front), if it has one. */
  const drawnSize = useCallback(
    (id: string): Size | undefined => {
      const measured = flow.getInternalNode(id)?.measured;
      return measured?.width && measured?.height ? { width: measured.width, height: measured.height } : undefined;
    },
    [flow],
  );

  /** Runs the camera's plan on the laid-out positions (`boxOf` reads them). */
  const runCamera = useCallback(
    (plan: CameraPlan, boxOf: (id: string) => Box | undefined, drawn: readonly string[], animate: boolean) => {
      const pane = paneSize();
      const duration = animate ? 350 : 0;
      const current = flow.getViewport();
      if (plan.kind === 'reveal') {
        const box = revealBox(plan.ids, boxOf);
        if (box) {
          const next = revealViewport(box, pane, current, 'read', panelInsets());
          if (next) void flow.setViewport(next, { duration });
          return;
        }
        // Nothing of it is drawn (gone, or folded away): open the map as usual rather than leave the view where it was.
      }
      if (plan.kind === 'keep') {
        const box = boxOf(plan.id);
        if (box) void flow.setViewport(keepInPlace(current, plan.before, box), { duration });
        return;
      }
      const boxes = drawn.map(boxOf).filter((b): b is Box => b !== undefined);
      // "Whole map" fits everything however small (no anchor to fall back on); opening may fall back on the thesis.
      const anchor = plan.kind !== 'fit' ? anchorNode(view, new Map(boxes.map((b, i) => [drawn[i], b]))) : undefined;
      const opening = openingViewport(boxes, pane, anchor ? boxOf(anchor) : undefined, panelInsets());
      if (opening) void flow.setViewport(opening.viewport, { duration });
    },
    [flow, paneSize, panelInsets, view],
  );

  // Lay out whenever what is drawn changes (once the new cards are measured) or "Tidy" asks.
  useEffect(() => {
    if (!shown) return;
    // A large map is laid out from sizes estimated from the words (drawing only the cards in view,
    // React Flow never measures the others, so waiting for them would wait for ever).
    if (!ready && !openFromSent) return;
    const key = layoutKey;
    if (layoutDone.current === key) return;
    layoutDone.current = key;
    // Each card's room: guessed from its words, grown to the card as drawn when that is bigger. While
    // every card fits its guess, this is the input the server laid out for the page, and its layout
    // is used as it is; ELK loads only for an input no layout answers.
    const sizes = new Map<string, Size>();
    let asGuessed = true;
    for (const n of shown.part.nodes) {
      const room = cardRoom(n, drawnSize(n.id));
      const guess = cardRoom(n);
      if (room.width !== guess.width || room.height !== guess.height) asGuessed = false;
      sizes.set(n.id, room);
    }
    const fromPage = asGuessed ? sentLayoutOf(shown) : undefined;
    const first = !laidOutRef.current;
    let cancelled = false;
    let finished = false;
    (fromPage ? Promise.resolve(positionsOf(fromPage)) : runLayout(buildLayoutGraph(shown.part, sizes), sent))
      .then((positions) => {
        finished = true;
        if (cancelled) return;
        const saved = new Map(view.nodes.filter((n) => n.position).map((n) => [n.id, n.position!]));
        const drawn = shown.part.nodes.map((n) => n.id);
        const byId = new Map(shown.part.nodes.map((n) => [n.id, n]));
        const boxOf = (id: string): Box | undefined => {
          const at = saved.get(id) ?? positions.get(id);
          if (!at) return undefined;
          const node = byId.get(id);
          const size = sizes.get(id) ?? (node ? estimateCardSize(node) : { width: JUNCTION_SIZE, height: JUNCTION_SIZE });
          return { ...at, ...size };
        };
        // Too big to read whole and not the reader's choice: open on the main reasons instead.
        const plan = camera.current;
        if (first && plan?.kind === 'open' && folds && !folds.chosen && folds.folded.size === 0) {
          const boxes = drawn.map(boxOf).filter((b): b is Box => b !== undefined);
          const anchor = anchorNode(view, positions);
          const opening = openingViewport(boxes, paneSize(), anchor ? boxOf(anchor) : undefined, panelInsets());
          if (opening?.kind === 'anchor' && mainReasons.size > 0) {
            setFolds(mainReasons, false);
            return;
          }
        }
        if (!first) setAnimating(true);
        for (const id of positions.keys()) placed.current.add(id);
        setNodes((ns) =>
          ns.map((n) => {
            const className = n.className?.replace(/\s*argmap-unplaced/, '') || undefined;
            const at = { ...n, className, hidden: false, position: saved.get(n.id) ?? positions.get(n.id) ?? n.position };
            // A large map's cards not drawn yet get their rooms up front, so only those in view are drawn.
            return largeMap && !n.measured ? sizedUpFront(at, sizes.get(n.id) ?? { width: JUNCTION_SIZE, height: JUNCTION_SIZE }) : at;
          }),
        );
        setEdges((es) => (es.some((e) => e.hidden) ? es.map((e) => (e.hidden ? { ...e, hidden: false } : e)) : es));
        laidOutRef.current = true;
        applied.current = key;
        roomsOnScreen.current = sizes;
        setLaidOut(true);
        camera.current = null;
        requestAnimationFrame(() => {
          // From the layout's own answer: the canvas may not have applied the new positions yet.
          if (plan) runCamera(plan, boxOf, drawn, !first);
          // `argmap:canvas-ready`: the first frame with the laid-out cards in view, joined by their edges
          // (bench/floor.ts times it). Cards placed from the page's layout count as measured at once
          // (their rooms and handles are given up front); others once React Flow has measured them.
          if (first) {
            if (initializedRef.current || largeMap) requestAnimationFrame(() => performance.mark('argmap:canvas-ready'));
            else markWhenMeasured.current = true;
          }
        });
        if (!first) setTimeout(() => setAnimating(false), 400);
      })
      .catch((error: unknown) => {
        finished = true;
        notify({ tone: 'error', message: `The automatic layout failed: ${error instanceof Error ? error.message : String(error)}` });
        // Nothing stays unseen for want of a place: the cards show where they are ("Tidy layout" tries again).
        setNodes((ns) =>
          ns.map((n) => (n.className?.includes('argmap-unplaced') ? { ...n, className: n.className.replace(/\s*argmap-unplaced/, '') || undefined } : n)),
        );
        setEdges((es) => (es.some((e) => e.hidden) ? es.map((e) => (e.hidden ? { ...e, hidden: false } : e)) : es));
        setLaidOut(true);
      });
    return () => {
      cancelled = true;
      // Interrupted (e.g. the new cards were not measured yet): the next run must lay out again.
      if (!finished && layoutDone.current === key) layoutDone.current = null;
    };
    // `view` is read through `shown`/`structure`; text edits alone do not re-run the layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, openFromSent, layoutKey, shown !== null]);

  // The opening drawn from the page's layout before its cards were measured: the canvas is ready once they are.
  useEffect(() => {
    initializedRef.current = initialized;
    if (!initialized || !markWhenMeasured.current) return;
    markWhenMeasured.current = false;
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('argmap:canvas-ready')));
  }, [initialized]);

  /**
   * A point's box as the canvas has it now: where it is, and the room the layout on screen gave it
   * (so the camera frames a map the same way whether its cards were measured yet or not), else its
   * drawn size.
   */
  const boxOnCanvas = useCallback(
    (id: string): Box | undefined => {
      const node = flow.getInternalNode(id);
      if (!node) return undefined;
      const room = roomsOnScreen.current.get(id);
      return { ...node.internals.positionAbsolute, width: room?.width ?? node.measured.width ?? 0, height: room?.height ?? node.measured.height ?? 0 };
    },
    [flow],
  );

  // The camera rule for everything a person touches elsewhere (a new or edited point, a search
  // match, a highlight in the essay, a gap or an open question): open the folds hiding it, then
  // bring it into view at reading zoom once it is laid out.
  useEffect(() => {
    if (focusRequest === 0 || !selection || !shown) return;
    const inference = selection.type === 'inference' ? view.inferences.find((i) => i.id === selection.id) : undefined;
    const nodeId = selection.type === 'node' ? selection.id : inference?.conclusion;
    if (!nodeId) return;
    const ids = revealIds(view, selection);
    const opening = foldsHiding(view, shown.folded, nodeId);
    if (inference && shown.folded.has(nodeId)) opening.push(nodeId);
    camera.current = { kind: 'reveal', ids };
    if (opening.length > 0) {
      const folded = new Set(shown.folded);
      for (const f of opening) folded.delete(f);
      setFolds(folded, true);
      return;
    }
    // Laid out already: reveal now (after the inspector has opened beside the canvas, which narrows it).
    const timer = setTimeout(() => {
      if (applied.current !== currentLayout.current || camera.current?.kind !== 'reveal') return;
      const box = revealBox(ids, boxOnCanvas);
      // Not drawn yet (a classmate's point the refresh has not brought): the layout that places it reveals it.
      if (!box) return;
      camera.current = null;
      const next = revealViewport(box, paneSize(), flow.getViewport(), 'read', panelInsets());
      if (next) void flow.setViewport(next, { duration: 350 });
    }, 120);
    return () => clearTimeout(timer);
    // Runs on a new request only; the layout key is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  // A plan no layout will pick up — the drawn part did not change ("Main reasons" clicked again, a
  // fold that hides nothing new): run it now, on the canvas as it is, so it cannot fire later on
  // an unrelated change.
  useEffect(() => {
    const plan = camera.current;
    if (!plan || !shown || !laidOutRef.current || applied.current !== layoutKey) return;
    camera.current = null;
    runCamera(
      plan,
      boxOnCanvas,
      shown.part.nodes.map((n) => n.id),
      true,
    );
    // Runs when what is drawn is recomputed; the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  const toggleFold = useCallback(
    (nodeId: string) => {
      if (!shown) return;
      const box = boxOnCanvas(nodeId);
      if (box) camera.current = { kind: 'keep', id: nodeId, before: { x: box.x, y: box.y } };
      const folded = new Set(shown.folded);
      if (!folded.delete(nodeId)) folded.add(nodeId);
      setFolds(folded, true);
    },
    [shown, boxOnCanvas, setFolds],
  );
  const cards = useMemo(() => ({ compact, toggleFold }), [compact, toggleFold]);
  const showMainReasons = () => {
    camera.current = { kind: 'open' };
    setFolds(mainReasons, true);
  };
  const showWholeMap = () => {
    camera.current = { kind: 'fit' };
    setFolds(new Set(), true);
  };
  const mainReasonsShown = !!shown && mainReasons.size > 0 && mainReasons.size === shown.folded.size && [...mainReasons].every((id) => shown.folded.has(id));

  const handleNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      onNodesChange(changes.filter((c) => c.type !== 'select' && c.type !== 'remove'));
      const measuredNow = new Set<string>();
      let outgrown = false;
      for (const c of changes) {
        if (c.type !== 'dimensions' || !c.dimensions) continue;
        measuredNow.add(c.id);
        const room = roomsOnScreen.current.get(c.id);
        // A card the reader placed stays where it is whatever its size: laying out again would move nothing.
        const node = flow.getNode(c.id);
        const placed = node?.type === 'argument' && node.data.node.position != null;
        if (room && !placed && (c.dimensions.height > room.height + 1 || c.dimensions.width > room.width + 1)) outgrown = true;
      }
      if (measuredNow.size === 0) return;
      // Cards drawn and measured: their own handles replace the ones guessed up front (`sizedUpFront`).
      setNodes((ns) =>
        ns.some((n) => n.handles && measuredNow.has(n.id)) ? ns.map((n) => (n.handles && measuredNow.has(n.id) ? { ...n, handles: undefined } : n)) : ns,
      );
      // A card bigger than its room would overlap its neighbours: lay out again with it as drawn.
      if (outgrown) setRegrown((r) => r + 1);
    },
    [onNodesChange, setNodes, flow],
  );
  const handleEdgesChange = useCallback(
    (changes: EdgeChange<ArgumentFlowEdge>[]) => onEdgesChange(changes.filter((c) => c.type !== 'select' && c.type !== 'remove')),
    [onEdgesChange],
  );
  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      select(node.type === 'junction' ? { type: 'inference', id: node.data.inferenceId } : { type: 'node', id: node.id });
      // Selecting opens the inspector beside the canvas, which narrows it: keep the card in view, at the zoom the reader chose.
      setTimeout(() => {
        const box = boxOnCanvas(node.id);
        const next = box && revealViewport(box, paneSize(), flow.getViewport(), 'keep', panelInsets());
        if (next) void flow.setViewport(next, { duration: 300 });
      }, 150);
    },
    [select, flow, boxOnCanvas, paneSize, panelInsets],
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
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
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
    },
    [flow],
  );

  const selectedNodeId = selection?.type === 'node' ? selection.id : null;

  return (
    <CanvasCardsContext.Provider value={cards}>
      <div
        ref={containerRef}
        className={`@container relative h-full w-full ${animating ? '[&_.react-flow\\_\\_node]:transition-transform [&_.react-flow\\_\\_node]:duration-300' : ''}`}
        data-testid="canvas"
      >
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
          {shown && mainReasons.size > 0 && (
            <Panel position="top-left">
              <ViewChoice
                mainReasons={mainReasonsShown}
                whole={shown.folded.size === 0}
                drawn={shown.part.nodes.length}
                total={view.nodes.length}
                onMainReasons={showMainReasons}
                onWhole={showWholeMap}
              />
            </Panel>
          )}
          {selectedNodeId && !readOnly && (
            <NodeToolbar nodeId={selectedNodeId} position={Position.Top} offset={10} isVisible>
              {/* Its code loads on the first selection (or once the page is idle). */}
              <Deferred module={DEFERRED.nodeActions} frame="main">
                {(NodeActions) => <NodeActions nodeId={selectedNodeId} compact />}
              </Deferred>
            </NodeToolbar>
          )}
        </ReactFlow>
        {pending && (
          <Deferred module={DEFERRED.connectChooser} frame="main">
            {(ConnectChooser) => <ConnectChooser pending={pending} onClose={() => setPending(null)} />}
          </Deferred>
        )}
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
        ) : (
          !laidOut && (
            <div className="absolute inset-0 grid place-items-center text-slate-500" role="status">
              <span className="inline-flex items-center gap-2">
                <LoaderCircle aria-hidden className="h-5 w-5 animate-spin" /> Laying out the map…
              </span>
            </div>
          )
        )}
      </div>
    </CanvasCardsContext.Provider>
  );
}

interface ViewChoiceProps {
  mainReasons: boolean;
  whole: boolean;
  drawn: number;
  total: number;
  onMainReasons: () => void;
  onWhole: () => void;
}

/** "Main reasons" (the thesis and what rests on it directly) or "Whole map", and how much is drawn. */
function ViewChoice({ mainReasons, whole, drawn, total, onMainReasons, onWhole }: ViewChoiceProps) {
  const option = (on: boolean) =>
    `whitespace-nowrap rounded px-2.5 py-1 text-sm font-medium ${on ? 'bg-white text-indigo-800 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`;
  return (
    <div className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur" data-testid="canvas.view-choice">
      <div className="inline-flex rounded-md bg-slate-100 p-0.5" role="group" aria-label="How much of the map to draw">
        <button type="button" className={option(mainReasons)} aria-pressed={mainReasons} onClick={onMainReasons} data-testid="canvas.main-reasons">
          Main reasons
        </button>
        <button type="button" className={option(whole)} aria-pressed={whole} onClick={onWhole} data-testid="canvas.whole-map">
          Whole map
        </button>
      </div>
      {drawn < total && (
        <span className="hidden whitespace-nowrap pr-1.5 text-xs text-slate-600 @[560px]:inline" data-testid="canvas.drawn-count">
          {drawn} of {total} points shown
        </span>
      )}
    </div>
  );
}
