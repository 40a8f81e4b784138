'use client';

import { memo, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ArgumentFlowEdge } from './flow-elements';

export const SUPPORT_COLOR = '#475569';
export const ATTACK_COLOR = '#dc2626';

const LABELS = { supports: 'supports', attacks: 'attacks', undercuts: 'undercuts (denies the step)' } as const;

/**
 * A relation line. Supports: solid slate with an arrowhead into the conclusion. Attacks: red,
 * dashed, ending in a blunt bar. Undercuts: like attacks, ending on the inference's junction.
 * The relation is named in a label on hover and while selected.
 */
export const ArgumentEdge = memo(function ArgumentEdge(props: EdgeProps<ArgumentFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [hovered, setHovered] = useState(false);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const relation = data?.relation ?? 'supports';
  const attacking = relation !== 'supports';
  const marker = data?.arrow === false ? undefined : attacking ? 'url(#argmap-attack-end)' : 'url(#argmap-support-end)';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={marker}
        interactionWidth={0}
        style={{
          stroke: attacking ? ATTACK_COLOR : SUPPORT_COLOR,
          strokeWidth: 2.25,
          strokeDasharray: attacking ? '7 5' : undefined,
          opacity: data?.setAside ? 0.3 : undefined,
        }}
      />
      <path
        d={path}
        fill="none"
        stroke="transparent"
        strokeWidth={18}
        className="react-flow__edge-interaction"
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
      />
      {(hovered || selected) && (
        <EdgeLabelRenderer>
          <div
            className="pointer-events-none absolute rounded-md border bg-white px-2 py-0.5 text-xs font-semibold shadow"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              color: attacking ? ATTACK_COLOR : SUPPORT_COLOR,
              borderColor: attacking ? ATTACK_COLOR : '#cbd5e1',
            }}
            data-testid="canvas.edge-label"
          >
            {LABELS[relation]}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** SVG markers the edges refer to: a closed arrowhead for supports, a blunt bar for attacks. */
export function EdgeMarkers() {
  return (
    <svg aria-hidden className="absolute h-0 w-0">
      <defs>
        <marker
          id="argmap-support-end"
          viewBox="0 0 12 12"
          refX="11"
          refY="6"
          markerWidth="12"
          markerHeight="12"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M 1 1 L 11 6 L 1 11 z" fill={SUPPORT_COLOR} />
        </marker>
        <marker
          id="argmap-attack-end"
          viewBox="0 0 14 14"
          refX="12"
          refY="7"
          markerWidth="14"
          markerHeight="14"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M 12 1 L 12 13" stroke={ATTACK_COLOR} strokeWidth="3" strokeLinecap="round" />
          <path d="M 3 3 L 9 11 M 9 3 L 3 11" stroke={ATTACK_COLOR} strokeWidth="2" strokeLinecap="round" />
        </marker>
      </defs>
    </svg>
  );
}
