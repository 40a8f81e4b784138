'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { Switch } from 'radix-ui';
import { CalendarClock, Gavel, Loader2, X } from 'lucide-react';
import { ApiError } from '@/lib/api-client/errors';
import { updateNode } from '@/lib/api-client/nodes';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { monthLabel } from '@/lib/argument/as-of';
import { STOCK_ISSUE_LABELS, STOCK_ISSUE_QUESTIONS, type ArgNode, type StockIssue } from '@/lib/argument/model';
import { stockIssueCase, type StockIssueLine } from '@/lib/argument/stock-issues';
import { can } from '@/lib/auth/permissions';
import { monthSchema, stockIssuesFor } from '@/lib/validation/node';

type DetailsChange = { stockIssue: StockIssue | null } | { proposal: boolean } | { asOf: string | null };

/**
 * Saves one of a point's debate details with `PATCH …/nodes/{id}` and reloads the map; the server's
 * refusal is kept for the control to show inline (its field message when it names one). `save`
 * resolves to whether the change was saved, so a control keeps what the person typed when it was not.
 */
function useSaveDetails(nodeId: string) {
  const slug = useMapStore((s) => s.view.map.slug);
  const refresh = useMapStore((s) => s.refresh);
  const [busy, setBusy] = useState<keyof DetailsChange | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  async function save(change: DetailsChange): Promise<boolean> {
    const field = Object.keys(change)[0];
    setBusy(field as keyof DetailsChange);
    setError(null);
    try {
      await updateNode(slug, nodeId, change);
      await refresh();
      return true;
    } catch (e) {
      const issue = e instanceof ApiError ? e.issues.find((i) => i.path[0] === field) : undefined;
      setError({ field, message: issue ? `${messageOf(e)} ${issue.message}` : messageOf(e) });
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { save, busy, error, setError };
}

/**
 * A point's place in a policy debate, for people who may edit it: on the thesis, whether it
 * proposes a policy (so the stock issues apply); on a reason or an objection, the stock issue it
 * argues; on every other point, the month its facts were known ("as of").
 */
export function PointDetails({ node }: { node: ArgNode & { own: boolean } }) {
  const role = useMapStore((s) => s.view.viewer.role);
  const readOnly = useMapStore((s) => s.history?.at != null);
  if (readOnly || !can(role, node.own ? 'edit-own' : 'edit-any')) return null;
  const issues = stockIssuesFor(node.kind);
  return (
    <div className="space-y-2.5 rounded-lg border border-slate-200 px-3 py-2.5 text-sm" data-testid="details">
      {node.kind === 'thesis' ? <ProposalSwitch node={node} /> : null}
      {issues.length > 0 && <StockIssueSelect node={node} issues={issues} />}
      {node.kind !== 'thesis' && <AsOfField node={node} />}
    </div>
  );
}

function ProposalSwitch({ node }: { node: ArgNode }) {
  const { save, busy, error } = useSaveDetails(node.id);
  const id = useId();
  const on = node.proposal === true;
  return (
    <div>
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="font-medium text-slate-800">
          Policy proposal
        </label>
        <span className="flex items-center gap-1.5">
          {busy && <Loader2 aria-hidden className="h-4 w-4 animate-spin text-slate-500" />}
          <Switch.Root
            id={id}
            checked={on}
            disabled={busy !== null}
            onCheckedChange={(checked) => void save({ proposal: checked })}
            aria-describedby={`${id}-note`}
            aria-invalid={error ? true : undefined}
            className="relative h-6 w-11 shrink-0 rounded-full bg-slate-300 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 disabled:opacity-60 data-[state=checked]:bg-indigo-600"
            data-testid="details.proposal"
          >
            <Switch.Thumb className="block h-5 w-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
          </Switch.Root>
        </span>
      </div>
      {error ? (
        <p id={`${id}-note`} className="mt-1 text-xs text-red-700" role="alert" data-testid="details.error" data-field="proposal">
          {error.message}
        </p>
      ) : (
        <p id={`${id}-note`} className="mt-0.5 text-xs text-slate-500">
          {on
            ? 'Read through the stock issues: its case must show harm, inherency, solvency and timeliness together.'
            : 'Does it propose a change of course? Then the stock issues apply.'}
        </p>
      )}
      {on && <IssueStates />}
    </div>
  );
}

const STATE_MARKS: Record<StockIssueLine['state'], { mark: string; className: string }> = {
  held: { mark: '✓', className: 'border-emerald-300 bg-emerald-50 text-emerald-900' },
  lost: { mark: '✕', className: 'border-red-300 bg-red-50 text-red-900' },
  missing: { mark: '—', className: 'border-amber-300 bg-amber-50 text-amber-950' },
};

/** On a policy thesis: the four affirmative issues at a glance, and the verdict in words. */
function IssueStates() {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const reading = useMemo(() => stockIssueCase(view, (id) => evaluation.nodes[id]?.status, { asOf: evaluation.asOf }), [view, evaluation]);
  if (!reading) return null;
  return (
    <div className="mt-2" data-testid="details.issues">
      <ul className="flex flex-wrap gap-1" aria-label="Stock issues">
        {reading.affirmative.map((line) => {
          const { mark, className } = STATE_MARKS[line.state];
          return (
            <li
              key={line.issue}
              className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${className}`}
              title={line.summary}
              data-testid="details.issue"
              data-state={line.state}
            >
              {STOCK_ISSUE_LABELS[line.issue]} <span aria-hidden>{mark}</span>
              <span className="sr-only"> {line.state}</span>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-slate-700" data-testid="details.verdict">
        {reading.verdict}
      </p>
    </div>
  );
}

function StockIssueSelect({ node, issues }: { node: ArgNode; issues: readonly StockIssue[] }) {
  const { save, busy, error } = useSaveDetails(node.id);
  const id = useId();
  const value = node.stockIssue ?? '';
  const note = node.stockIssue
    ? STOCK_ISSUE_QUESTIONS[node.stockIssue]
    : node.kind === 'objection'
      ? 'Is it the negative’s disadvantage or counterplan?'
      : 'Which of a policy case’s issues does it argue?';
  return (
    <DetailField id={id} label="Stock issue" field="stockIssue" busy={busy !== null} error={error} note={note}>
      <select
        id={id}
        value={value}
        disabled={busy !== null}
        onChange={(e) => void save({ stockIssue: (e.target.value || null) as StockIssue | null })}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        className="min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-400"
        data-testid="details.stock-issue"
      >
        <option value="">None</option>
        {issues.map((issue) => (
          <option key={issue} value={issue}>
            {STOCK_ISSUE_LABELS[issue]}
          </option>
        ))}
      </select>
    </DetailField>
  );
}

function AsOfField({ node }: { node: ArgNode }) {
  const { save, busy, error, setError } = useSaveDetails(node.id);
  const id = useId();
  // What the person typed, until it is saved: a refused month stays in the field beside its error.
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? node.asOf ?? '';
  const saveMonth = (asOf: string | null) =>
    void save({ asOf }).then((saved) => {
      if (saved) setDraft(null);
    });

  function change(month: string) {
    setDraft(month);
    setError(null);
    if (month === '') return;
    const parsed = monthSchema.safeParse(month);
    if (!parsed.success) return setError({ field: 'asOf', message: parsed.error.issues[0]?.message ?? 'Not a month.' });
    saveMonth(parsed.data);
  }

  return (
    <DetailField id={id} label="As of" field="asOf" busy={busy !== null} error={error} note="When the facts it relies on were known (optional).">
      <input
        id={id}
        type="month"
        value={value}
        disabled={busy !== null}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          // An emptied field clears the month when the person leaves it (not between typed parts).
          if (draft === '' && node.asOf) saveMonth(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        className="w-[10.5rem] rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-400"
        data-testid="details.as-of"
      />
      {node.asOf && (
        <button
          type="button"
          onClick={() => saveMonth(null)}
          disabled={busy !== null}
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          aria-label="Clear the month"
          title="Clear the month"
          data-testid="details.as-of-clear"
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      )}
    </DetailField>
  );
}

/** One labelled detail control: the label, a spinner while it saves, the control, and its note — or the error in its place. */
function DetailField({
  id,
  label,
  field,
  busy,
  error,
  note,
  children,
}: {
  id: string;
  label: string;
  field: string;
  busy: boolean;
  error: { message: string } | null;
  note: string;
  children: ReactNode;
}) {
  return (
    <div>
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="shrink-0 font-medium text-slate-800">
          {label}
        </label>
        <span className="flex min-w-0 items-center gap-1.5">
          {busy && <Loader2 aria-hidden className="h-4 w-4 animate-spin text-slate-500" />}
          {children}
        </span>
      </div>
      <p
        id={`${id}-note`}
        className={`mt-0.5 text-xs ${error ? 'text-red-700' : 'text-slate-500'}`}
        role={error ? 'alert' : undefined}
        data-testid={error ? 'details.error' : undefined}
        data-field={field}
      >
        {error ? error.message : note}
      </p>
    </div>
  );
}

/** The small labelled tags of the inspector's header: a policy proposal, a stock issue, a month. */
export function PointTags({ node }: { node: ArgNode }) {
  if (!node.proposal && !node.stockIssue && !node.asOf) return null;
  const tag = 'inline-flex items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs font-medium';
  return (
    <span className="flex flex-wrap gap-1.5" data-testid="inspector.tags">
      {node.kind === 'thesis' && node.proposal && (
        <span className={`${tag} border-indigo-200 bg-indigo-50 text-indigo-900`} data-testid="inspector.proposal-tag">
          <Gavel aria-hidden className="h-3.5 w-3.5" /> Policy proposal
        </span>
      )}
      {node.stockIssue && (
        <span className={`${tag} border-slate-300 bg-slate-50 text-slate-800`} title={STOCK_ISSUE_QUESTIONS[node.stockIssue]} data-testid="inspector.issue-tag">
          <span className="text-slate-500">Stock issue:</span> {STOCK_ISSUE_LABELS[node.stockIssue]}
        </span>
      )}
      {node.asOf && (
        <span
          className={`${tag} border-slate-300 bg-slate-50 text-slate-800`}
          title={`Relies on facts known in ${monthLabel(node.asOf)}`}
          data-testid="inspector.as-of-tag"
        >
          <CalendarClock aria-hidden className="h-3.5 w-3.5 text-slate-500" /> As of {monthLabel(node.asOf)}
        </span>
      )}
    </span>
  );
}
