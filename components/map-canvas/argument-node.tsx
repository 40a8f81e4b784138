'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ChevronUp, MessageCircle, Quote } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { STATUS_STYLES, StatusBadge } from '@/components/status-badge';
import { monthLabel } from '@/lib/argument/as-of';
import { STATUS_LABELS } from '@/lib/argument/evaluation';
import type { ArgNode } from '@/lib/argument/model';
import { COMPACT_LINE_PX, COMPACT_TITLE_PX, compactCardHeight, compactTitle, compactTitleLines } from '@/lib/canvas/cards';
import { useCanvasCards } from './canvas-context';
import { RatingBadge } from './rating-badge';
import type { ArgumentFlowNode, ArgumentNodeData, JunctionFlowNode } from './flow-elements';

/** Authors whose names are not shown on cards: the seeded analysis speaks for the essay itself. */
const QUIET_AUTHORS = new Set(['Argmap analysis']);

/** A statement card: kind (colour, icon, label), its words, a quote mark when it quotes the essay. */
export const ArgumentNodeCard = memo(function ArgumentNodeCard({ data }: NodeProps<ArgumentFlowNode>) {
  const { node, status, why, assumed, addedBy, rating, comments } = data;
  const { compact } = useCanvasCards();
  const style = KIND_STYLES[node.kind];
  const Icon = style.icon;
  const thesis = node.kind === 'thesis';
  // Defeated and unsupported cards fade (paler frame and ground, greyer words) but every word keeps
  // WCAG AA contrast; a see-through card would not.
  const faded = status === 'defeated' || status === 'unsupported' || status === 'later';
  return (
    <div
      className={`argument-node relative rounded-xl shadow-sm ${faded ? 'bg-slate-50 [&>p]:!text-slate-600' : 'bg-white'} ${addedBy !== undefined ? 'ring-4 ring-amber-300' : ''} ${thesis ? 'border-[3px] px-5 py-4' : 'border-2 px-4 py-3'} ${node.implicit ? 'border-dashed' : 'border-solid'}`}
      style={{
        minHeight: compact ? compactCardHeight(node) : undefined,
        borderColor: faded ? `color-mix(in srgb, ${style.color} 40%, white)` : style.color,
        backgroundImage: `linear-gradient(${style.soft}, ${style.soft})`,
        backgroundSize: '100% 6px',
        backgroundRepeat: 'no-repeat',
      }}
      data-testid="canvas.node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-status={status}
      data-new={addedBy !== undefined || undefined}
      data-compact={compact || undefined}
    >
      {addedBy !== undefined && (
        <span
          className="absolute -top-3 left-3 z-[2] rounded-full bg-amber-400 px-2 py-0.5 text-[11px] font-bold text-amber-950 shadow"
          data-testid="canvas.node-new"
        >
          New · {addedBy || 'someone'}
        </span>
      )}
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="!h-2 !w-2 !border-0 !bg-transparent" />
      {compact && <CompactFace node={node} status={status} />}
      <div className="mb-1.5 flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wider" style={{ color: style.color }}>
        <Icon aria-hidden className="h-3.5 w-3.5" strokeWidth={2.5} />
        <span>{style.label}</span>
        {node.implicit && (
          <span className="rounded border border-dashed px-1 py-px text-[10px] normal-case tracking-normal" style={{ borderColor: style.color }}>
            unstated
          </span>
        )}
        {node.asOf && (
          <span
            className={`ml-auto whitespace-nowrap rounded px-1 py-px text-[10px] normal-case tracking-normal ${status === 'later' ? 'bg-slate-200 font-bold text-slate-800' : 'font-medium text-slate-600'}`}
            title={`Relies on facts known in ${monthLabel(node.asOf)}`}
            data-testid="canvas.node-as-of"
          >
            {monthLabel(node.asOf)}
          </span>
        )}
        {node.quote && (
          <span
            className={`${node.asOf ? '' : 'ml-auto'} inline-flex items-center gap-0.5 normal-case tracking-normal text-slate-500`}
            title="Quotes the essay"
          >
            <Quote aria-hidden className="h-3.5 w-3.5" />
            <span className="sr-only">quotes the essay</span>
          </span>
        )}
      </div>
      <p
        className={`break-words text-slate-900 ${thesis ? 'text-[17px] font-semibold leading-snug' : 'text-[14.5px] leading-snug'}`}
        data-testid="canvas.node-text"
      >
        {node.text}
      </p>
      <div className="mt-2 flex items-center gap-2">
        <StatusBadge status={status} why={why} />
        {assumed && <span className="text-[11px] font-medium text-amber-800">what-if</span>}
        {rating && <RatingBadge {...rating} />}
        {comments > 0 && (
          <span className="inline-flex items-center gap-0.5 text-[11px] font-medium text-slate-500" title={`${comments} comment${comments === 1 ? '' : 's'}`}>
            <MessageCircle aria-hidden className="h-3 w-3" /> {comments}
            <span className="sr-only"> comment{comments === 1 ? '' : 's'}</span>
          </span>
        )}
        {!QUIET_AUTHORS.has(node.author) && <span className="min-w-0 truncate text-xs text-slate-500">— {node.author}</span>}
      </div>
      <FoldToggle nodeId={node.id} fold={data.fold} compact={compact} />
      <Handle type="source" position={Position.Top} isConnectable={false} className="!h-2 !w-2 !border-0 !bg-transparent" />
      {/* Drag from here onto another point (or a step's junction) to connect; support or attack is chosen on drop. */}
      <Handle
        id="connect"
        type="source"
        position={Position.Right}
        className="argmap-connect-handle"
        title="Drag onto another point to connect"
        data-testid="canvas.connect-handle"
      />
    </div>
  );
});

/**
 * The card as read from afar (below `COMPACT_ZOOM`): its kind's colour, a short title in large type
 * and its status as a large mark — laid over the full card (which keeps its words for screen
 * readers), the card grown to the compact height the layout left room for, so zooming never
 * moves a card onto another.
 */
function CompactFace({ node, status }: { node: ArgNode; status: ArgumentNodeData['status'] }) {
  const faded = status === 'defeated' || status === 'unsupported';
  const mark = STATUS_STYLES[status];
  const Mark = mark.icon;
  return (
    <div
      className={`pointer-events-none absolute inset-0 z-[1] flex flex-col rounded-[inherit] px-3 pb-2 pt-3.5 ${faded ? 'bg-slate-50' : 'bg-white'}`}
      aria-hidden
      data-testid="canvas.node-compact"
    >
      <span className="absolute inset-x-0 top-0 h-2.5 rounded-t-[inherit]" style={{ background: KIND_STYLES[node.kind].color }} aria-hidden />
      <p
        className={`overflow-hidden break-words font-semibold ${faded ? 'text-slate-600' : 'text-slate-900'}`}
        style={{
          fontSize: COMPACT_TITLE_PX,
          lineHeight: `${COMPACT_LINE_PX}px`,
          display: '-webkit-box',
          WebkitBoxOrient: 'vertical',
          WebkitLineClamp: compactTitleLines(node),
        }}
        data-testid="canvas.node-title"
      >
        {compactTitle(node)}
      </p>
      <span
        className={`absolute -right-4 -top-5 grid h-12 w-12 place-items-center rounded-full shadow ring-4 ring-white ${mark.className}`}
        title={STATUS_LABELS[status]}
        aria-hidden
      >
        <Mark className="h-7 w-7" strokeWidth={3.5} />
      </span>
    </div>
  );
}

/**
 * Under a card that others rest on: folds its branch away ("+7" when folded) or opens it again.
 * Larger in the compact form, so it can be read and hit from afar.
 */
function FoldToggle({ nodeId, fold, compact }: { nodeId: string; fold: ArgumentNodeData['fold']; compact: boolean }) {
  const { toggleFold } = useCanvasCards();
  if (fold.children === 0) return null;
  // A fold whose points also rest elsewhere puts none away by itself: "+", not "+0".
  const label = fold.folded
    ? fold.hidden > 0
      ? `Show the ${fold.hidden} point${fold.hidden === 1 ? '' : 's'} resting on this`
      : 'Show what rests on this'
    : `Fold away the ${fold.children} point${fold.children === 1 ? '' : 's'} resting on this`;
  return (
    <button
      type="button"
      className={`nodrag nopan absolute left-1/2 z-[2] inline-flex -translate-x-1/2 items-center gap-1 rounded-full border font-bold shadow-sm ${
        fold.folded ? 'border-indigo-300 bg-indigo-600 text-white hover:bg-indigo-700' : 'border-slate-300 bg-white text-slate-600 hover:bg-slate-50'
      } ${compact ? '-bottom-6 px-4 py-1 text-[26px]' : '-bottom-3 min-h-6 min-w-6 justify-center px-2 py-0.5 text-[11px]'}`}
      onClick={(event) => {
        event.stopPropagation();
        toggleFold(nodeId);
      }}
      aria-label={label}
      aria-expanded={!fold.folded}
      title={label}
      data-testid="canvas.fold"
      data-folded={fold.folded || undefined}
    >
      {fold.folded ? fold.hidden > 0 ? `+${fold.hidden}` : '+' : <ChevronUp aria-hidden className={compact ? 'h-7 w-7' : 'h-3.5 w-3.5'} strokeWidth={3} />}
    </button>
  );
}

/** The dot where linked premises meet before one arrow goes on to the conclusion. */
export const JunctionNode = memo(function JunctionNode({ data, selected }: NodeProps<JunctionFlowNode>) {
  return (
    <div
      className={`grid h-3.5 w-3.5 place-items-center rounded-full border-2 border-slate-500 bg-white ${selected ? 'ring-4 ring-indigo-400' : ''}`}
      title={`Linked premises (${data.premiseCount}) — they support the conclusion only together`}
      data-testid="canvas.junction"
    >
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="!h-1 !w-1 !border-0 !bg-transparent" />
      <Handle type="source" position={Position.Top} isConnectable={false} className="!h-1 !w-1 !border-0 !bg-transparent" />
    </div>
  );
});
