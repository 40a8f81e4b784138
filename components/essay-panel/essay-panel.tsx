'use client';

import { useEffect, useMemo, useRef } from 'react';
import { EyeOff } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { useMapStore } from '@/components/map-workspace/map-store';
import { computeCoverage, paragraphSpans } from '@/lib/argument/coverage';
import type { ArgNode } from '@/lib/argument/model';

interface Segment {
  start: number;
  end: number;
  /** The node whose quote covers this stretch (the narrowest, when quotes overlap). */
  node: ArgNode | null;
}

/** Cuts a paragraph into stretches of plain text and quoted text. */
function segmentsOf(start: number, end: number, quoted: ArgNode[]): Segment[] {
  const cuts = new Set([start, end]);
  for (const n of quoted) {
    if (n.quote!.start > start && n.quote!.start < end) cuts.add(n.quote!.start);
    if (n.quote!.end > start && n.quote!.end < end) cuts.add(n.quote!.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = quoted.filter((n) => n.quote!.start <= a && n.quote!.end >= b);
    covering.sort((x, y) => x.quote!.end - x.quote!.start - (y.quote!.end - y.quote!.start));
    segments.push({ start: a, end: b, node: covering[0] ?? null });
  }
  return segments;
}

/** The essay with every quoted span highlighted in its node's colour; the unstated premises below. */
export function EssayPanel() {
  const document = useMapStore((s) => s.view.document);
  const nodes = useMapStore((s) => s.view.nodes);
  const selection = useMapStore((s) => s.selection);
  const focusRequest = useMapStore((s) => s.focusRequest);
  const select = useMapStore((s) => s.select);
  const setEssaySelection = useMapStore((s) => s.setEssaySelection);
  const containerRef = useRef<HTMLDivElement>(null);

  const quoted = useMemo(() => nodes.filter((n) => n.quote), [nodes]);
  const implicit = useMemo(() => nodes.filter((n) => n.implicit), [nodes]);
  const paragraphs = useMemo(() => paragraphSpans(document.text), [document.text]);
  const coverage = useMemo(() => computeCoverage(document.text, quoted.map((n) => n.quote!)), [document.text, quoted]);
  const selectedId = selection?.type === 'node' ? selection.id : null;

  // Selecting a node anywhere scrolls its words into view here.
  useEffect(() => {
    if (!selectedId) return;
    const el = containerRef.current?.querySelector<HTMLElement>(`[data-quote-of="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selectedId, focusRequest]);

  /** Turns a text selection inside the essay into document offsets, offered as the next quote. */
  function captureSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const offsetOf = (container: Node, offset: number): number | null => {
      const el = (container.nodeType === Node.TEXT_NODE ? container.parentElement : (container as Element))?.closest<HTMLElement>('[data-start]');
      if (!el || !containerRef.current?.contains(el)) return null;
      return Number(el.dataset.start) + (container.nodeType === Node.TEXT_NODE ? offset : 0);
    };
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    // Trim the whitespace a drag tends to catch at either end.
    while (start < end && /\s/.test(document.text[start])) start++;
    while (end > start && /\s/.test(document.text[end - 1])) end--;
    if (end > start) setEssaySelection({ start, end, text: document.text.slice(start, end) });
  }

  if (document.text.trim() === '') {
    return (
      <div className="flex h-full flex-col gap-3 px-6 py-6 text-sm text-slate-600" data-testid="essay">
        <p className="font-medium text-slate-800">This map has no essay text.</p>
        <p>It was imported from a file that carries statements and their relations but not the text they came from, so there is nothing to quote.</p>
        <ImplicitList nodes={implicit} selectedId={selectedId} onSelect={(id) => select({ type: 'node', id }, { focus: true })} />
      </div>
    );
  }

  return (
    <div className="flex h-full flex-col" data-testid="essay">
      <div className="border-b border-slate-200 px-6 py-3">
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <span className="font-medium text-slate-700">Coverage</span>
          <span className="text-slate-600" data-testid="essay.coverage">
            {coverage.covered} of {coverage.total} sentences mapped ({coverage.total ? Math.round((coverage.covered / coverage.total) * 100) : 0}%)
          </span>
        </div>
        <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
          <div className="h-full rounded-full bg-indigo-500" style={{ width: `${coverage.total ? (coverage.covered / coverage.total) * 100 : 0}%` }} />
        </div>
      </div>
      <div ref={containerRef} className="flex-1 overflow-y-auto px-6 py-5" onMouseUp={captureSelection} onKeyUp={captureSelection}>
        <article className="font-serif text-[16.5px] leading-[1.75] text-slate-800">
          {paragraphs.map((p, i) => {
            const title = i === 0 && !/[.!?]["”’]?$/.test(document.text.slice(p.start, p.end));
            const segments = segmentsOf(p.start, p.end, quoted.filter((n) => n.quote!.start < p.end && n.quote!.end > p.start));
            const Tag = title ? 'h2' : 'p';
            return (
              <Tag key={p.start} className={title ? 'mb-1 font-sans text-xl font-semibold leading-snug text-slate-900' : 'mb-4'}>
                {segments.map((seg) => {
                  const words = document.text.slice(seg.start, seg.end);
                  if (!seg.node) {
                    return (
                      <span key={seg.start} data-start={seg.start}>
                        {words}
                      </span>
                    );
                  }
                  const s = KIND_STYLES[seg.node.kind];
                  const isFirst = seg.start === seg.node.quote!.start || seg.start === p.start;
                  return (
                    <span
                      key={seg.start}
                      data-start={seg.start}
                      data-quote-of={isFirst ? seg.node.id : undefined}
                      data-node-id={seg.node.id}
                      data-selected={seg.node.id === selectedId}
                      role="button"
                      tabIndex={0}
                      aria-label={`${s.label}: ${seg.node.text}`}
                      title={`${s.label}: ${seg.node.text}`}
                      className="essay-quote"
                      style={{ background: s.soft, textDecorationColor: s.color }}
                      onClick={() => {
                        if (window.getSelection()?.isCollapsed !== false) select({ type: 'node', id: seg.node!.id }, { focus: true });
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          select({ type: 'node', id: seg.node!.id }, { focus: true });
                        }
                      }}
                      data-testid="essay.quote"
                    >
                      {words}
                    </span>
                  );
                })}
              </Tag>
            );
          })}
          
        </article>

        <ImplicitList nodes={implicit} selectedId={selectedId} onSelect={(id) => select({ type: 'node', id }, { focus: true })} />
      </div>
    </div>
  );
}

/** The premises the argument needs but the essay never states. */
function ImplicitList({ nodes, selectedId, onSelect }: { nodes: ArgNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
        <section className="mt-8 rounded-lg border border-dashed border-teal-600/60 bg-teal-50/50 p-4 font-sans" aria-labelledby="unstated-heading" data-testid="essay.unstated">
          <h3 id="unstated-heading" className="flex items-center gap-2 text-sm font-semibold text-teal-900">
            <EyeOff aria-hidden className="h-4 w-4" /> Unstated premises ({nodes.length})
          </h3>
          <p className="mt-1 text-sm text-teal-900/80">What the argument needs but the essay never says.</p>
          {nodes.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">None identified yet. Select a step of reasoning and add a linked premise to name one.</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {nodes.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    onClick={() => onSelect(n.id)}
                    className={`w-full rounded-md border border-dashed bg-white px-3 py-2 text-left text-sm text-slate-800 hover:border-teal-700 ${n.id === selectedId ? 'border-teal-700 ring-2 ring-indigo-500' : 'border-teal-600/60'}`}
                    data-testid="essay.unstated-item"
                  >
                    {n.text}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
  );
}
