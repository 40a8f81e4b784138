'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { CircleHelp, FileSearch, Gavel, Link2Off, MessageSquareWarning, SearchX, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { StatusBadge } from '@/components/status-badge';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { MARKABLE_KINDS, useMarkAs, type MarkableKind } from '@/components/essay-panel/mark-as';
import { can } from '@/lib/auth/permissions';
import { findGaps, gapCount, type MissingStockIssue } from '@/lib/argument/gaps';
import type { QuestionStatus } from '@/lib/argument/questions';
import { STOCK_ISSUE_LABELS, type ArgNode } from '@/lib/argument/model';
import { shorten } from '@/lib/argument/text';

/**
 * Study mode: the weak places of the map, in the inspector's place. Every entry leads to the
 * point, step or sentence concerned, so a student can work down the list.
 */
export function GapsPanel() {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const setGapsOpen = useMapStore((s) => s.setGapsOpen);
  const gaps = useMemo(() => findGaps(view, evaluation, view.document.text), [view, evaluation]);
  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  const conclusionOf = useMemo(() => new Map(view.inferences.map((i) => [i.id, i.conclusion])), [view.inferences]);
  const textOf = (id: string) => byId.get(id)?.text ?? '';
  const policy = view.nodes.some((n) => n.kind === 'thesis' && n.proposal);
  return (
    <aside
      className="flex h-full w-[340px] shrink-0 flex-col border-l border-slate-200 bg-white xl:w-[380px]"
      aria-labelledby="gaps-heading"
      data-testid="gaps"
    >
      <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
        <h2 id="gaps-heading" className="flex items-center gap-2 text-sm font-semibold uppercase tracking-wider text-slate-500">
          <FileSearch aria-hidden className="h-4 w-4" /> Find the gaps ({gapCount(gaps)})
        </h2>
        <button
          type="button"
          onClick={() => setGapsOpen(false)}
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
          aria-label="Close the gaps panel"
          data-testid="gaps.close"
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      <div className="flex-1 space-y-3 overflow-y-auto px-5 py-4">
        <p className="text-sm text-slate-600">Where this argument is weakest. Pick an entry to see it on the map.</p>
        {policy && (
          <GapSection
            id="stock-issues"
            icon={<Gavel aria-hidden className="h-4 w-4" />}
            title="Stock issues not argued"
            hint="The thesis proposes a policy, so its step into the thesis must argue harm, inherency, solvency and timeliness together. Tag a premise of that step with each one (select it, then Stock issue), or add the premise the case lacks."
            items={gaps.missingIssues}
            empty="The step into the thesis argues all four stock issues."
            render={(gap) => <MissingIssueEntry key={gap.issue} gap={gap} textOf={textOf} />}
          />
        )}
        <GapSection
          id="unwarranted"
          icon={<Link2Off aria-hidden className="h-4 w-4" />}
          title="Steps with no warrant"
          hint="The reason leads straight to the conclusion; nothing says why it should. Name the unstated premise: open the step and add a linked premise."
          items={gaps.unwarranted}
          empty="Every step names the premise it relies on."
          render={(step) => <StepEntry key={step.id} id={step.id} from={step.premises.map(textOf).join(' + ')} to={textOf(step.conclusion)} />}
        />
        <GapSection
          id="unevidenced"
          icon={<SearchX aria-hidden className="h-4 w-4" />}
          title="Claims with no evidence"
          hint="No fact, event or testimony reaches these, through any chain of reasons."
          items={gaps.unevidenced}
          empty="Every claim rests on some evidence."
          render={(n) => <NodeEntry key={n.id} node={n} />}
        />
        <GapSection
          id="questions"
          icon={<CircleHelp aria-hidden className="h-4 w-4" />}
          title="Open critical questions"
          hint="Questions that test a step's pattern of reasoning; no objection has settled them yet."
          items={gaps.openQuestions}
          empty="No open questions: name the schemes of the steps to get their questions."
          render={(q) => <QuestionEntry key={`${q.inferenceId}:${q.id}`} question={q} on={textOf(conclusionOf.get(q.inferenceId) ?? '')} />}
        />
        <GapSection
          id="unanswered"
          icon={<MessageSquareWarning aria-hidden className="h-4 w-4" />}
          title="Unanswered objections"
          hint="Nobody has rebutted these yet."
          items={gaps.unanswered}
          empty="Every objection has an answer."
          render={(n) => <NodeEntry key={n.id} node={n} />}
        />
        {view.document.text.trim() !== '' && (
          <GapSection
            id="unquoted"
            icon={<FileSearch aria-hidden className="h-4 w-4" />}
            title="Sentences no point quotes"
            hint="Parts of the essay the map does not account for yet."
            items={gaps.unquoted}
            empty="Every sentence of the essay is mapped."
            render={(span) => <SentenceEntry key={span.start} start={span.start} end={span.end} text={view.document.text.slice(span.start, span.end)} />}
          />
        )}
      </div>
    </aside>
  );
}

/**
 * Entries a section draws at first, and how many more each "Show more" adds: an essay of tiny
 * sentences has tens of thousands unquoted, and drawing them all at once froze the page.
 */
const GAP_ENTRIES_PAGE = 50;

interface GapSectionProps<T> {
  id: string;
  icon: ReactNode;
  title: string;
  hint: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
}

function GapSection<T>({ id, icon, title, hint, items, empty, render }: GapSectionProps<T>) {
  const [shown, setShown] = useState(GAP_ENTRIES_PAGE);
  const count = items.length;
  const more = Math.min(GAP_ENTRIES_PAGE, count - shown);
  return (
    <details open={count > 0} className="rounded-lg border border-slate-200" data-testid={`gaps.${id}`}>
      <summary className="flex cursor-pointer select-none items-center gap-2 px-3 py-2 text-sm font-semibold text-slate-800">
        <span className="text-slate-500">{icon}</span>
        <span className="flex-1">{title}</span>
        <span
          className={`rounded-full px-2 text-xs font-bold ${count > 0 ? 'bg-amber-100 text-amber-900' : 'bg-emerald-50 text-emerald-800'}`}
          data-testid="gaps.count"
        >
          {count}
        </span>
      </summary>
      <div className="space-y-1.5 border-t border-slate-100 px-3 py-2">
        <p className="text-xs text-slate-500">{count > 0 ? hint : empty}</p>
        {count > 0 && <ul className="space-y-1.5">{items.slice(0, shown).map(render)}</ul>}
        {more > 0 && (
          <button
            type="button"
            onClick={() => setShown(shown + GAP_ENTRIES_PAGE)}
            className="w-full rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
            data-testid="gaps.more"
          >
            Show {more} more ({count - shown} not shown)
          </button>
        )}
      </div>
    </details>
  );
}

const ENTRY = 'block w-full rounded-md border border-slate-200 px-2.5 py-1.5 text-left text-sm hover:border-indigo-300 hover:bg-indigo-50/40';

/** A stock issue the policy case never argues: what it asks, and the way to the thesis (or to a point tagged with it off the step). */
function MissingIssueEntry({ gap, textOf }: { gap: MissingStockIssue; textOf: (id: string) => string }) {
  const select = useMapStore((s) => s.select);
  const [elsewhere] = gap.elsewhere;
  return (
    <li className="rounded-md border border-amber-200 bg-amber-50/50 p-2 text-sm" data-testid="gaps.stock-issue" data-issue={gap.issue}>
      <button
        type="button"
        className="block w-full text-left"
        onClick={() => select({ type: 'node', id: gap.thesis }, { focus: true })}
        data-testid="gaps.entry"
      >
        <span className="mb-0.5 block text-xs font-semibold uppercase tracking-wide text-amber-900">{STOCK_ISSUE_LABELS[gap.issue]} · missing</span>
        <span className="block text-slate-800">{gap.summary}</span>
        <span className="mt-0.5 block text-xs font-medium text-indigo-700 underline">Show the thesis</span>
      </button>
      {elsewhere && (
        <button
          type="button"
          className="mt-1 block text-left text-xs font-medium text-indigo-700 underline"
          onClick={() => select({ type: 'node', id: elsewhere }, { focus: true })}
          data-testid="gaps.stock-issue-elsewhere"
        >
          See “{shorten(textOf(elsewhere), 60)}”, tagged {STOCK_ISSUE_LABELS[gap.issue].toLowerCase()} off that step
        </button>
      )}
    </li>
  );
}

function NodeEntry({ node }: { node: ArgNode }) {
  const select = useMapStore((s) => s.select);
  const status = useMapStore((s) => s.evaluation.nodes[node.id]?.status);
  const style = KIND_STYLES[node.kind];
  return (
    <li>
      <button type="button" className={ENTRY} onClick={() => select({ type: 'node', id: node.id }, { focus: true })} data-testid="gaps.entry">
        <span className="font-semibold" style={{ color: style.color }}>
          {style.label}:{' '}
        </span>
        <span className="text-slate-800">{shorten(node.text, 110)}</span>
        {status && (
          <span className="mt-1 block">
            <StatusBadge status={status} />
          </span>
        )}
      </button>
    </li>
  );
}

function StepEntry({ id, from, to, label }: { id: string; from: string; to: string; label?: string }) {
  const select = useMapStore((s) => s.select);
  return (
    <li>
      <button type="button" className={ENTRY} onClick={() => select({ type: 'inference', id }, { focus: true })} data-testid="gaps.entry">
        {label && <span className="mb-0.5 block text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</span>}
        <span className="text-slate-800">{shorten(from, 100)}</span>
        <span className="text-slate-500"> → </span>
        <span className="text-slate-600">{shorten(to, 70)}</span>
      </button>
    </li>
  );
}

/** An open question in its step's words, whole (it names the step's points), with the point it tests. */
function QuestionEntry({ question, on }: { question: QuestionStatus; on: string }) {
  const select = useMapStore((s) => s.select);
  return (
    <li>
      <button type="button" className={ENTRY} onClick={() => select({ type: 'inference', id: question.inferenceId }, { focus: true })} data-testid="gaps.entry">
        <span className="mb-0.5 block text-xs font-semibold uppercase tracking-wide text-slate-500">
          {question.scheme.name} · {question.state === 'raised' ? 'raised, unanswered' : 'open'}
        </span>
        <span className="block text-slate-800" data-testid="gaps.question">
          {question.text}
        </span>
        <span className="mt-0.5 block text-xs text-slate-500">On “{shorten(on, 70)}”</span>
      </button>
    </li>
  );
}

function SentenceEntry({ start, end, text }: { start: number; end: number; text: string }) {
  const reveal = useMapStore((s) => s.revealInEssay);
  const notify = useMapStore((s) => s.notify);
  const canAdd = useMapStore((s) => can(s.view.viewer.role, 'add') && s.history?.at == null);
  const markAs = useMarkAs();
  const [busy, setBusy] = useState(false);

  async function mark(kind: MarkableKind) {
    setBusy(true);
    try {
      await markAs(kind, { start, end, text });
    } catch (error) {
      notify({ tone: 'error', message: `Not added: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="rounded-md border border-amber-200 bg-amber-50/50 p-2 text-sm">
      <button
        type="button"
        className="block w-full text-left font-serif text-slate-800 hover:underline"
        onClick={() => reveal({ start, end })}
        data-testid="gaps.sentence"
      >
        “{shorten(text, 140)}”
      </button>
      {canAdd && (
        <select
          aria-label="Mark this sentence as"
          value=""
          disabled={busy}
          onChange={(e) => void mark(e.target.value as MarkableKind)}
          className="mt-1.5 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs"
          data-testid="gaps.mark"
        >
          <option value="">Mark as…</option>
          {MARKABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_STYLES[k].label}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}
