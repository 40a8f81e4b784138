'use client';

import { memo, type ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import { ChevronRight, CornerLeftUp, Link2, MoreHorizontal, Quote, Unlink } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { StatusBadge } from '@/components/status-badge';
import { monthLabel } from '@/lib/argument/as-of';
import type { Status } from '@/lib/argument/evaluation';
import type { ArgNode } from '@/lib/argument/model';
import type { OutlineRow } from '@/lib/argument/outline';

/** One action in a row's menu: the inspector's actions, plus "Show on canvas". */
export interface RowAction {
  id: string;
  label: string;
  shortcut?: string;
  icon: typeof Quote;
  tone?: 'attack' | 'danger';
  run(): void;
}

export interface OutlineRowItemProps {
  row: OutlineRow;
  node: ArgNode | null;
  status: Status | null;
  /** What a screen reader says for the row (see `outlineLabel`). */
  label: string;
  /** For a step row: the scheme's name; for the group row: how many points it holds. */
  detail?: string;
  expanded: boolean;
  selected: boolean;
  /** Left out by the search or filters: shown faintly, so the shape of the argument stays. */
  dimmed?: boolean;
  tabbable: boolean;
  menuOpen: boolean;
  actions: RowAction[];
  onActivate(row: OutlineRow): void;
  onToggle(row: OutlineRow): void;
  onMenuChange(row: OutlineRow, open: boolean): void;
  /** The rows nested under this one (rendered only while expanded). */
  children?: ReactNode;
}

const RELATION_TAGS = { attacks: 'attacks', undercuts: 'undercuts the step' } as const;

/**
 * One row of the outline tree (a WAI-ARIA `treeitem`): kind (colour, icon and label), relation,
 * status badge, quote mark, "unstated" tag, the point's words, and its actions menu. Every row of
 * the outline is drawn here, so a view-wide treatment (dimming rows a filter leaves out) has one place to go.
 */
export const OutlineRowItem = memo(function OutlineRowItem(props: OutlineRowItemProps) {
  const { row, node, status, label, detail, expanded, selected, dimmed, tabbable, menuOpen, actions, onActivate, onToggle, onMenuChange, children } = props;
  const hasChildren = row.children.length > 0;
  const faded = status === 'defeated' || status === 'unsupported' || status === 'later';
  const style = node ? KIND_STYLES[node.kind] : null;
  return (
    <li
      role="treeitem"
      aria-level={row.depth}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      aria-label={label}
      tabIndex={tabbable ? 0 : -1}
      data-row-key={row.key}
      data-node-id={row.nodeId ?? undefined}
      data-inference-id={row.type === 'step' ? (row.inferenceId ?? undefined) : undefined}
      data-type={row.type}
      data-repeat={row.repeat || undefined}
      data-testid="outline.row"
      data-dimmed={dimmed || undefined}
      className="group/item outline-none [&:focus-visible>div:first-child]:ring-2 [&:focus-visible>div:first-child]:ring-[var(--color-accent)] [&:focus-visible>div:first-child]:ring-offset-1"
    >
      <div
        className={`group/row relative flex items-start gap-1.5 rounded-lg border-l-4 py-2 pr-2 pl-1 transition-colors ${dimmed ? 'opacity-25' : ''} ${
          selected ? 'bg-indigo-50 shadow-[inset_0_0_0_1px_rgb(165_180_252)]' : 'hover:bg-slate-50'
        }`}
        style={{
          borderLeftColor: style?.color ?? (row.type === 'group' ? '#94a3b8' : '#cbd5e1'),
          borderLeftStyle: node?.implicit || row.type === 'step' ? 'dashed' : 'solid',
        }}
        onClick={() => onActivate(row)}
      >
        <span className="flex h-6 w-6 shrink-0 items-center justify-center">
          {hasChildren && (
            <button
              type="button"
              tabIndex={-1}
              aria-hidden
              className="grid h-6 w-6 place-items-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-800"
              onClick={(event) => {
                event.stopPropagation();
                onToggle(row);
              }}
              data-testid="outline.toggle"
            >
              <ChevronRight aria-hidden className={`h-4 w-4 transition-transform ${expanded ? 'rotate-90' : ''}`} />
            </button>
          )}
        </span>
        <div className="min-w-0 flex-1">
          <RowMeta row={row} node={node} status={status} detail={detail} />
          {node && (
            <p
              className={`mt-0.5 break-words ${selected ? '' : 'line-clamp-4'} ${node.kind === 'thesis' ? 'text-[17px] font-semibold leading-snug text-slate-900' : 'text-[15px] leading-snug'} ${faded ? 'text-slate-600' : 'text-slate-900'}`}
              data-testid="outline.text"
            >
              {node.text}
            </p>
          )}
        </div>
        {actions.length > 0 && (
          <DropdownMenu.Root open={menuOpen} onOpenChange={(open) => onMenuChange(row, open)} modal={false}>
            <DropdownMenu.Trigger
              tabIndex={-1}
              aria-label="Actions"
              className={`grid h-7 w-7 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-900 data-[state=open]:bg-slate-200 data-[state=open]:opacity-100 ${
                selected ? 'opacity-100' : 'opacity-0 group-hover/row:opacity-100 group-focus-visible/item:opacity-100'
              }`}
              onClick={(event) => event.stopPropagation()}
              data-testid="outline.actions"
            >
              <MoreHorizontal aria-hidden className="h-4 w-4" />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                align="end"
                sideOffset={4}
                collisionPadding={8}
                className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
                onCloseAutoFocus={(event) => event.preventDefault()}
                data-testid="outline.menu"
              >
                {actions.map((a) => {
                  const Icon = a.icon;
                  const tone = a.tone === 'attack' ? 'text-red-700' : a.tone === 'danger' ? 'text-slate-700 data-[highlighted]:text-red-700' : 'text-slate-800';
                  return (
                    <DropdownMenu.Item
                      key={a.id}
                      // After the menu has closed, so a form the action opens keeps the focus it takes.
                      onSelect={() => window.setTimeout(a.run, 0)}
                      className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm font-medium outline-none data-[highlighted]:bg-slate-100 ${tone}`}
                      data-testid={`outline.action-${a.id}`}
                    >
                      <Icon aria-hidden className="h-4 w-4" />
                      <span className="flex-1">{a.label}</span>
                      {a.shortcut && <kbd className="font-mono text-xs text-slate-400">{a.shortcut}</kbd>}
                    </DropdownMenu.Item>
                  );
                })}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </div>
      {hasChildren && expanded && (
        <ul role="group" className="ml-[11px] space-y-0.5 border-l border-slate-200 pl-1.5 @2xl:ml-[15px] @2xl:pl-2.5">
          {children}
        </ul>
      )}
    </li>
  );
});

/** The small line above the words: kind, tags, relation, status. */
function RowMeta({ row, node, status, detail }: { row: OutlineRow; node: ArgNode | null; status: Status | null; detail?: string }) {
  if (row.type === 'group') {
    return (
      <div aria-hidden>
        <span className="inline-flex items-center gap-1.5 text-sm font-semibold text-slate-700">
          <Unlink className="h-4 w-4 text-slate-500" /> Not connected yet
        </span>
        <p className="mt-0.5 text-sm text-slate-500">{detail}</p>
      </div>
    );
  }
  if (row.type === 'step') {
    return (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1" aria-hidden>
        <span className="inline-flex items-center gap-1 rounded-md bg-slate-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wider text-slate-700">
          <Link2 className="h-3.5 w-3.5" /> Together
        </span>
        <span className="text-sm text-slate-600">
          {row.linkedCount} reasons that count only together{detail ? ` · ${detail}` : ''}
        </span>
      </div>
    );
  }
  if (!node) return null;
  const style = KIND_STYLES[node.kind];
  const Icon = style.icon;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1" aria-hidden>
      <span
        className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wider"
        style={{ color: style.color, background: style.soft }}
      >
        <Icon className="h-3.5 w-3.5" strokeWidth={2.5} /> {style.label}
      </span>
      {node.implicit && (
        <span className="rounded border border-dashed px-1 text-[11px] font-medium" style={{ borderColor: style.color, color: style.color }}>
          unstated
        </span>
      )}
      {(row.relation === 'attacks' || row.relation === 'undercuts') && <span className="text-xs font-medium text-red-700">{RELATION_TAGS[row.relation]}</span>}
      {status && <StatusBadge status={status} />}
      {node.asOf && (
        <span className={`text-[11px] ${status === 'later' ? 'font-bold text-slate-800' : 'font-medium text-slate-600'}`} data-testid="outline.as-of">
          {monthLabel(node.asOf)}
        </span>
      )}
      {node.quote && (
        <span className="inline-flex items-center text-slate-500" title="Quotes the essay" data-testid="outline.quote-mark">
          <Quote className="h-3.5 w-3.5" />
        </span>
      )}
      {row.repeat && (
        <span className="inline-flex items-center gap-0.5 text-xs text-slate-500" title="Listed in full where it first appears, above">
          <CornerLeftUp className="h-3.5 w-3.5" /> also above
        </span>
      )}
    </div>
  );
}
