'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { EyeOff, Lightbulb, Loader2, SearchX } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { can } from '@/lib/auth/permissions';
import { computeCoverage, paragraphSpans } from '@/lib/argument/coverage';
import { stretchesOf } from '@/lib/argument/essay-stretches';
import type { ArgNode } from '@/lib/argument/model';
import type { Suggestion } from '@/lib/argument/suggest';
import { MARKABLE_KINDS, useMarkAs } from './mark-as';
import { DEFERRED } from '@/components/map-store/deferred';
import { Deferred } from '@/components/map-store/panel-fallbacks';
import { useSuggestions } from './use-suggestions';

/** A stretch of the essay singled out without being a point: a suggestion, or a sentence no point quotes. */
interface Mark {
  start: number;
  end: number;
  type: 'suggestion' | 'unquoted';
}

/** The essay with every quoted span highlighted in its node's colour; the unstated premises (and reconstructed claims) below. */
export function EssayPanel() {
  const document = useMapStore((s) => s.view.document);
  const nodes = useMapStore((s) => s.view.nodes);
  const selection = useMapStore((s) => s.selection);
  const focusRequest = useMapStore((s) => s.focusRequest);
  const select = useMapStore((s) => s.select);
  const setEssaySelection = useMapStore((s) => s.setEssaySelection);
  const essaySelection = useMapStore((s) => s.essaySelection);
  const essayReveal = useMapStore((s) => s.essayReveal);
  const notify = useMapStore((s) => s.notify);
  const canAdd = useMapStore((s) => can(s.view.viewer.role, 'add') && s.history?.at == null);
  const containerRef = useRef<HTMLDivElement>(null);
  const markAs = useMarkAs();
  const suggestions = useSuggestions(document.slug);
  const [showUnquoted, setShowUnquoted] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const quoted = useMemo(() => nodes.filter((n) => n.quote), [nodes]);
  const implicit = useMemo(() => nodes.filter((n) => n.implicit), [nodes]);
  const paragraphs = useMemo(() => paragraphSpans(document.text), [document.text]);
  const coverage = useMemo(
    () =>
      computeCoverage(
        document.text,
        quoted.map((n) => n.quote!),
      ),
    [document.text, quoted],
  );
  const selectedId = selection?.type === 'node' ? selection.id : null;
  // Suggestions already mapped (a quote overlaps them) or dismissed are not offered again.
  const openSuggestions = useMemo(
    () =>
      suggestions.state.status === 'ready'
        ? suggestions.state.items.filter((s) => !suggestions.isDismissed(s) && !quoted.some((n) => n.quote!.start < s.end && n.quote!.end > s.start))
        : [],
    [suggestions, quoted],
  );
  const marks = useMemo<Mark[]>(
    () => [
      ...openSuggestions.map((s) => ({ start: s.start, end: s.end, type: 'suggestion' as const })),
      ...(showUnquoted || essayReveal
        ? coverage.uncovered
            .filter((u) => showUnquoted || (essayReveal && u.start < essayReveal.end && u.end > essayReveal.start))
            .map((u) => ({ ...u, type: 'unquoted' as const }))
        : []),
    ],
    [openSuggestions, showUnquoted, essayReveal, coverage.uncovered],
  );
  const stretches = useMemo(() => stretchesOf(paragraphs, quoted, marks), [paragraphs, quoted, marks]);

  // A stretch picked elsewhere (the gaps panel) scrolls into view here.
  useEffect(() => {
    if (!essayReveal) return;
    const el = containerRef.current?.querySelector<HTMLElement>(`[data-start="${essayReveal.start}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [essayReveal]);

  async function accept(suggestion: Suggestion) {
    setBusy(`${suggestion.start}-${suggestion.end}`);
    try {
      await markAs(suggestion.kind, { ...suggestion, text: document.text.slice(suggestion.start, suggestion.end) });
      notify({
        tone: 'info',
        message: `Added as ${KIND_STYLES[suggestion.kind].label.toLowerCase()}. Connect it by dragging from its handle, or with Connect in its actions.`,
      });
    } catch (error) {
      notify({ tone: 'error', message: `Not added: ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  }

  async function markSelection(kind: (typeof MARKABLE_KINDS)[number]) {
    if (!essaySelection) return;
    setBusy(kind);
    try {
      await markAs(kind, essaySelection);
      window.getSelection()?.removeAllRanges();
    } catch (error) {
      notify({ tone: 'error', message: `Not added: ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  }

  function showSuggestion(s: Suggestion) {
    const el = containerRef.current?.querySelector<HTMLElement>(`[data-start="${s.start}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

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
          <button
            type="button"
            className="rounded text-slate-600 underline decoration-dotted underline-offset-4 hover:text-slate-900"
            aria-pressed={showUnquoted}
            title={showUnquoted ? 'Hide the sentences no point quotes' : 'Show the sentences no point quotes'}
            onClick={() => setShowUnquoted((v) => !v)}
            data-testid="essay.coverage"
          >
            {coverage.covered} of {coverage.total} sentence{coverage.total === 1 ? '' : 's'} mapped (
            {coverage.total ? Math.round((coverage.covered / coverage.total) * 100) : 0}%)
          </button>
        </div>
        <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
          <div className="h-full rounded-full bg-indigo-500" style={{ width: `${coverage.total ? (coverage.covered / coverage.total) * 100 : 0}%` }} />
        </div>
        <div className="mt-2.5 flex flex-wrap items-center gap-2 text-xs">
          {showUnquoted && (
            <span className="inline-flex items-center gap-1 text-amber-900" data-testid="essay.unquoted-note">
              <SearchX aria-hidden className="h-3.5 w-3.5" /> {coverage.uncovered.length} unmapped sentence{coverage.uncovered.length === 1 ? '' : 's'} outlined
              below
            </span>
          )}
          {canAdd && suggestions.state.status !== 'ready' && (
            <button
              type="button"
              onClick={() => void suggestions.load()}
              disabled={suggestions.state.status === 'loading'}
              className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-amber-300 bg-amber-50 px-2.5 py-1 font-medium text-amber-950 hover:bg-amber-100"
              data-testid="essay.suggest"
            >
              {suggestions.state.status === 'loading' ? (
                <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" />
              ) : (
                <Lightbulb aria-hidden className="h-3.5 w-3.5" />
              )}
              Suggest units
            </button>
          )}
        </div>
        {suggestions.state.status === 'error' && (
          <p role="alert" className="mt-2 text-xs text-red-700">
            Suggestions could not be loaded: {suggestions.state.message}
          </p>
        )}
      </div>
      {suggestions.state.status === 'ready' && (
        <Deferred module={DEFERRED.suggestionList} frame="main">
          {(SuggestionList) => (
            <SuggestionList
              items={openSuggestions}
              truncated={suggestions.state.status === 'ready' && suggestions.state.truncated}
              essay={document.text}
              canAdd={canAdd}
              busy={busy}
              onAccept={(s) => void accept(s)}
              onDismiss={suggestions.dismiss}
              onShow={showSuggestion}
              onClose={suggestions.close}
            />
          )}
        </Deferred>
      )}
      {canAdd && essaySelection && (
        <div className="border-b border-indigo-200 bg-indigo-50 px-6 py-2.5" role="group" aria-label="Mark the selected words" data-testid="essay.mark">
          <p className="truncate text-xs text-indigo-950">
            Mark <span className="font-serif">“{essaySelection.text.length > 80 ? `${essaySelection.text.slice(0, 80)}…` : essaySelection.text}”</span> as:
          </p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {MARKABLE_KINDS.map((kind) => {
              const style = KIND_STYLES[kind];
              const Icon = style.icon;
              return (
                <button
                  key={kind}
                  type="button"
                  disabled={busy !== null}
                  onClick={() => void markSelection(kind)}
                  className="inline-flex items-center gap-1 rounded-md border bg-white px-2 py-1 text-xs font-semibold hover:bg-slate-50 disabled:opacity-60"
                  style={{ borderColor: style.color, color: style.color }}
                  data-testid={`essay.mark-${kind}`}
                >
                  {busy === kind ? <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> : <Icon aria-hidden className="h-3.5 w-3.5" />} {style.label}
                </button>
              );
            })}
          </div>
        </div>
      )}
      <div ref={containerRef} className="flex-1 overflow-y-auto px-6 py-5" onMouseUp={captureSelection} onKeyUp={captureSelection}>
        <article className="font-serif text-[16.5px] leading-[1.75] text-slate-800">
          {paragraphs.map((p, i) => {
            const title = i === 0 && !/[.!?]["”’]?$/.test(document.text.slice(p.start, p.end));
            const segments = stretches[i];
            const Tag = title ? 'h2' : 'p';
            return (
              <Tag key={p.start} className={title ? 'mb-1 font-sans text-xl font-semibold leading-snug text-slate-900' : 'mb-4'}>
                {segments.map((seg) => {
                  const words = document.text.slice(seg.start, seg.end);
                  if (!seg.quoted) {
                    return (
                      <span
                        key={seg.start}
                        data-start={seg.start}
                        className={seg.mark ? (seg.mark.type === 'suggestion' ? 'essay-suggestion' : 'essay-unquoted') : undefined}
                        data-testid={seg.mark ? `essay.${seg.mark.type}` : undefined}
                      >
                        {words}
                      </span>
                    );
                  }
                  const s = KIND_STYLES[seg.quoted.kind];
                  const isFirst = seg.start === seg.quoted.quote!.start || seg.start === p.start;
                  return (
                    <span
                      key={seg.start}
                      data-start={seg.start}
                      data-quote-of={isFirst ? seg.quoted.id : undefined}
                      data-node-id={seg.quoted.id}
                      data-selected={seg.quoted.id === selectedId}
                      role="button"
                      tabIndex={0}
                      aria-label={`${s.label}: ${seg.quoted.text}`}
                      title={`${s.label}: ${seg.quoted.text}`}
                      className="essay-quote"
                      style={{ background: s.soft, textDecorationColor: s.color }}
                      onClick={() => {
                        if (window.getSelection()?.isCollapsed !== false) select({ type: 'node', id: seg.quoted!.id }, { focus: true });
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          select({ type: 'node', id: seg.quoted!.id }, { focus: true });
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
    <section
      className="mt-8 rounded-lg border border-dashed border-teal-600/60 bg-teal-50/50 p-4 font-sans"
      aria-labelledby="unstated-heading"
      data-testid="essay.unstated"
    >
      <h3 id="unstated-heading" className="flex items-center gap-2 text-sm font-semibold text-teal-900">
        <EyeOff aria-hidden className="h-4 w-4" /> Unstated premises and claims ({nodes.length})
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
                {n.kind === 'claim' && (
                  <span className="mr-1.5 rounded border border-dashed border-teal-700 px-1 text-[11px] font-semibold uppercase tracking-wide text-teal-800">
                    claim
                  </span>
                )}
                {n.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
