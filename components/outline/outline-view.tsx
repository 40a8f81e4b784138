'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ChevronsDownUp, ChevronsUpDown, Network } from 'lucide-react';
import { actionsForNode, UNDERCUT_ACTION } from '@/components/inspector/node-actions';
import { useDeleteNode } from '@/components/inspector/use-delete-node';
import { useMapStore, type Selection } from '@/components/map-store/map-store';
import { can } from '@/lib/auth/permissions';
import { matchingNodes } from '@/lib/argument/filter';
import { allRows, ancestorKeys, buildOutline, homeRowKey, keysOpeningMatches, visibleRows, type OutlineRow } from '@/lib/argument/outline';
import { outlineLabel } from '@/lib/argument/outline-label';
import { schemeById } from '@/lib/argument/schemes';
import { OutlineRowItem, type RowAction } from './outline-row';

/** Rows at this depth or above start expanded: the thesis, its reasons and what they rest on. */
const OPEN_DEPTH = 2;
const TREE_ID = 'outline-tree';

export interface OutlineViewProps {
  /** Switches the main area to the canvas, centred on the selection ("Show on canvas"). */
  onShowOnCanvas?: () => void;
}

function rowSelection(row: OutlineRow): Selection {
  if (row.type === 'node' && row.nodeId) return { type: 'node', id: row.nodeId };
  if (row.type === 'step' && row.inferenceId) return { type: 'inference', id: row.inferenceId };
  return null;
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a !== null && b !== null && a.type === b.type && a.id === b.id;
}

/**
 * The map as a keyboard-first tree (WAI-ARIA tree pattern): ↑/↓ move, → opens or goes to the first
 * child, ← closes or goes to the parent, Home/End, Space or a click selects (everywhere: canvas,
 * essay and inspector), Enter opens the row's actions. A selection made elsewhere opens the row's
 * ancestors and scrolls it into view.
 */
export function OutlineView({ onShowOnCanvas }: OutlineViewProps) {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const filter = useMapStore((s) => s.filter);
  // Rows the search or filters leave out are dimmed, never removed, as on the canvas.
  const kept = useMemo(() => matchingNodes(view, (id) => evaluation.nodes[id]?.status, filter), [view, evaluation, filter]);
  const selection = useMapStore((s) => s.selection);
  const select = useMapStore((s) => s.select);
  const openComposer = useMapStore((s) => s.openComposer);
  const readOnly = useMapStore((s) => s.history?.at != null);
  const requestDelete = useDeleteNode();

  const rows = useMemo(() => buildOutline(view), [view]);
  const byKey = useMemo(() => new Map(allRows(rows).map((r) => [r.key, r])), [rows]);
  const nodesById = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  const inferencesById = useMemo(() => new Map(view.inferences.map((i) => [i.id, i])), [view.inferences]);

  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const isExpanded = useCallback((row: OutlineRow) => overrides[row.key] ?? row.depth <= OPEN_DEPTH, [overrides]);
  const visible = useMemo(() => visibleRows(rows, isExpanded), [rows, isExpanded]);

  // A search or filter opens the rows its matches sit in (a match inside a closed row would not show).
  // Starts at null, so a search typed on the canvas before switching here opens its rows too.
  const [openedFor, setOpenedFor] = useState<typeof kept>(null);
  if (openedFor !== kept) {
    setOpenedFor(kept);
    const opening = kept ? keysOpeningMatches(rows, kept).filter((k) => !isExpanded(byKey.get(k)!)) : [];
    if (opening.length > 0) setOverrides((o) => ({ ...o, ...Object.fromEntries(opening.map((k) => [k, true])) }));
  }

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [menuKey, setMenuKey] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  // The selected row: the one the person picked if it shows the selection (a repeat, say), else the selection's home row.
  const activeRow = activeKey ? byKey.get(activeKey) : undefined;
  const homeKey = useMemo(() => (selection ? homeRowKey(rows, selection) : null), [rows, selection]);
  const selectedKey = activeRow && sameSelection(rowSelection(activeRow), selection) ? activeRow.key : homeKey;

  // A selection made elsewhere (canvas, essay, inspector): open its ancestors, make it the tab stop, scroll to it.
  const [followed, setFollowed] = useState<string | null>(null);
  if (selectedKey !== followed) {
    setFollowed(selectedKey);
    if (selectedKey) {
      const closed = ancestorKeys(rows, selectedKey).filter((k) => !isExpanded(byKey.get(k)!));
      if (closed.length > 0) setOverrides((o) => ({ ...o, ...Object.fromEntries(closed.map((k) => [k, true])) }));
      if (selectedKey !== activeKey) setActiveKey(selectedKey);
    }
  }
  useEffect(() => {
    if (!selectedKey) return;
    treeRef.current?.querySelector(`[data-row-key="${CSS.escape(selectedKey)}"] > div`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey, followed]);

  const visibleKeys = useMemo(() => new Set(visible.map((r) => r.key)), [visible]);
  const tabKey = activeKey && visibleKeys.has(activeKey) ? activeKey : selectedKey && visibleKeys.has(selectedKey) ? selectedKey : (visible[0]?.key ?? null);

  const moveTo = useCallback((key: string | null) => {
    if (!key) return;
    setActiveKey(key);
    // The focus follows once the row is rendered (a parent may just have been opened).
    requestAnimationFrame(() => {
      const el = document.getElementById(TREE_ID)?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"]`);
      el?.focus({ preventScroll: true });
      el?.firstElementChild?.scrollIntoView({ block: 'nearest' });
    });
  }, []);

  const setExpanded = useCallback((row: OutlineRow, open: boolean) => setOverrides((o) => ({ ...o, [row.key]: open })), []);

  const activate = useCallback(
    (row: OutlineRow) => {
      moveTo(row.key);
      const next = rowSelection(row);
      if (next) select(next);
      else if (row.children.length > 0) setExpanded(row, !isExpanded(row));
    },
    [moveTo, select, setExpanded, isExpanded],
  );

  const toggle = useCallback((row: OutlineRow) => setExpanded(row, !isExpanded(row)), [setExpanded, isExpanded]);

  const onMenuChange = useCallback(
    (row: OutlineRow, open: boolean) => {
      setMenuKey(open ? row.key : null);
      if (open) return setActiveKey(row.key);
      // Back to the row — unless an action's form has taken the focus.
      window.setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) moveTo(row.key);
      }, 50);
    },
    [moveTo],
  );

  const actionsFor = useCallback(
    (row: OutlineRow): RowAction[] => {
      const actions: RowAction[] = [];
      const role = view.viewer.role;
      if (row.type === 'node' && row.nodeId) {
        const node = nodesById.get(row.nodeId);
        if (node && !readOnly) {
          for (const a of actionsForNode(node, role)) {
            actions.push({
              id: a.mode,
              label: a.label,
              shortcut: a.shortcut,
              icon: a.icon,
              tone: a.tone,
              run: () => {
                select({ type: 'node', id: node.id });
                if (a.mode === 'delete') {
                  requestDelete(node.id);
                } else {
                  openComposer({ mode: a.mode, targetId: node.id });
                }
              },
            });
          }
        }
      }
      if (row.type === 'step' && row.inferenceId && !readOnly && can(view.viewer.role, 'add')) {
        const id = row.inferenceId;
        actions.push({
          id: 'undercut',
          label: `${UNDERCUT_ACTION.label} this step`,
          shortcut: UNDERCUT_ACTION.shortcut,
          icon: UNDERCUT_ACTION.icon,
          tone: 'attack',
          run: () => {
            select({ type: 'inference', id });
            openComposer({ mode: 'undercut', targetId: id });
          },
        });
      }
      const target = rowSelection(row);
      if (target && onShowOnCanvas) {
        actions.push({
          id: 'show-on-canvas',
          label: 'Show on canvas',
          icon: Network,
          run: () => {
            select(target, { focus: true });
            onShowOnCanvas();
          },
        });
      }
      return actions;
    },
    [view.viewer.role, nodesById, readOnly, select, openComposer, requestDelete, onShowOnCanvas],
  );

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.target instanceof HTMLElement && event.target.getAttribute('role') !== 'treeitem') return;
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const index = visible.findIndex((r) => r.key === tabKey);
    const row = visible[index];
    if (!row) return;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return moveTo(visible[index + 1]?.key ?? null);
      case 'ArrowUp':
        handled();
        return moveTo(visible[index - 1]?.key ?? null);
      case 'Home':
        handled();
        return moveTo(visible[0]?.key ?? null);
      case 'End':
        handled();
        return moveTo(visible[visible.length - 1]?.key ?? null);
      case 'ArrowRight':
        handled();
        if (row.children.length === 0) return;
        if (!isExpanded(row)) return setExpanded(row, true);
        return moveTo(row.children[0].key);
      case 'ArrowLeft':
        handled();
        if (row.children.length > 0 && isExpanded(row)) return setExpanded(row, false);
        return moveTo(row.parentKey);
      case 'Enter':
        handled();
        if (actionsFor(row).length > 0) return setMenuKey(row.key);
        if (row.children.length > 0) setExpanded(row, !isExpanded(row));
        return;
      case ' ':
        handled();
        return activate(row);
      default:
    }
  }

  if (view.nodes.length === 0) {
    return (
      <div className="grid h-full place-items-center bg-slate-50 px-6" data-testid="outline.empty">
        <div className="max-w-md text-center">
          <p className="text-lg font-semibold text-slate-800">Nothing is on this map yet</p>
          <p className="mt-2 text-slate-600">
            Points appear here as an outline — the thesis first, its reasons under it, objections under what they attack — as soon as someone adds them, from
            the essay or on the canvas.
          </p>
        </div>
      </div>
    );
  }

  const thesisMissing = !view.nodes.some((n) => n.kind === 'thesis');

  const renderRows = (list: OutlineRow[]): ReactNode =>
    list.map((row) => {
      const node = row.nodeId ? (nodesById.get(row.nodeId) ?? null) : null;
      const status = node ? (evaluation.nodes[node.id]?.status ?? node.status) : null;
      const scheme = row.inferenceId && row.type === 'step' ? (inferencesById.get(row.inferenceId)?.scheme ?? null) : null;
      const groupSize = row.type === 'group' ? allRows(row.children).filter((r) => r.type === 'node' && !r.repeat).length : undefined;
      const expanded = isExpanded(row);
      return (
        <OutlineRowItem
          key={row.key}
          row={row}
          node={node}
          status={status}
          label={outlineLabel(row, node, status, { scheme, groupSize })}
          detail={
            row.type === 'group'
              ? `${groupSize} point${groupSize === 1 ? '' : 's'} that lead to no thesis yet. Support or attack something above to connect them.`
              : scheme
                ? schemeById(scheme)?.name
                : undefined
          }
          expanded={expanded}
          selected={row.key === selectedKey}
          dimmed={kept !== null && row.nodeId != null && !kept.has(row.nodeId)}
          tabbable={row.key === tabKey}
          menuOpen={row.key === menuKey}
          actions={actionsFor(row)}
          onActivate={activate}
          onToggle={toggle}
          onMenuChange={onMenuChange}
        >
          {expanded && row.children.length > 0 ? renderRows(row.children) : null}
        </OutlineRowItem>
      );
    });

  const expandable = allRows(rows).filter((r) => r.children.length > 0);
  return (
    <div className="@container flex h-full flex-col bg-white" data-testid="outline">
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id="outline-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-500">
          Outline
        </h2>
        <span className="hidden text-sm text-slate-500 sm:inline">
          · {view.nodes.length} point{view.nodes.length === 1 ? '' : 's'}
        </span>
        <div className="ml-auto flex gap-1">
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            onClick={() => setOverrides(Object.fromEntries(expandable.map((r) => [r.key, true])))}
            data-testid="outline.expand-all"
          >
            <ChevronsUpDown aria-hidden className="h-4 w-4" /> Expand<span className="max-sm:sr-only"> all</span>
          </button>
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            onClick={() => setOverrides(Object.fromEntries(expandable.map((r) => [r.key, r.depth < 1])))}
            data-testid="outline.collapse-all"
          >
            <ChevronsDownUp aria-hidden className="h-4 w-4" /> Collapse<span className="max-sm:sr-only"> all</span>
          </button>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3 sm:px-4">
        {thesisMissing && (
          <p className="mx-2 mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This map has no thesis yet, so nothing is connected to one. Points are listed by what they support or attack.
          </p>
        )}
        <ul
          id={TREE_ID}
          role="tree"
          aria-labelledby="outline-heading"
          ref={treeRef}
          onKeyDown={onKeyDown}
          className="mx-auto max-w-4xl space-y-0.5"
          data-testid="outline.tree"
        >
          {renderRows(rows)}
        </ul>
        <p className="mx-auto mt-4 max-w-4xl px-2 text-xs text-slate-500">↑ ↓ move · → open · ← close · Space selects · Enter for actions</p>
      </div>
    </div>
  );
}
