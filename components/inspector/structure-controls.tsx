'use client';

import { useId, useState } from 'react';
import { Flag, Link2, Loader2 } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { can } from '@/lib/auth/permissions';
import { connectableNodes, connectionProblem } from '@/lib/argument/connect';
import { RETYPABLE_KINDS, UNSTATABLE_KINDS, type ArgNode, type Relation, type RetypableKind } from '@/lib/argument/model';
import { shorten } from '@/lib/argument/text';

/**
 * Building the map's structure from the inspector, by keyboard as well as by mouse: connect the
 * selected point to another (support or attack — the same rules as dragging on the canvas), and
 * change its kind or make it the thesis.
 */
export function StructureControls({ node }: { node: ArgNode & { own: boolean } }) {
  const role = useMapStore((s) => s.view.viewer.role);
  const canAdd = can(role, 'add');
  const canRetype = can(role, node.own ? 'edit-own' : 'edit-any') && (RETYPABLE_KINDS as readonly string[]).includes(node.kind);
  if (!canAdd && !canRetype) return null;
  return (
    <details className="group rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2 text-sm" data-testid="structure">
      <summary className="cursor-pointer select-none font-medium text-slate-700">Structure: connect, change kind</summary>
      <div className="mt-3 space-y-4 pb-1">
        {canAdd && <ConnectForm node={node} />}
        {canRetype && <KindForm node={node} />}
      </div>
    </details>
  );
}

function ConnectForm({ node }: { node: ArgNode }) {
  const view = useMapStore((s) => s.view);
  const connect = useMapStore((s) => s.connect);
  const notify = useMapStore((s) => s.notify);
  const attacking = node.kind === 'objection' || node.kind === 'rebuttal';
  const [relation, setRelation] = useState<Relation>(attacking ? 'attacks' : 'supports');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { relation: useId(), to: useId(), error: useId() };
  if (node.kind === 'thesis') return <p className="text-slate-600">The thesis is the conclusion: other points connect to it.</p>;
  const candidates = connectableNodes(view, node.id, relation);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = to ? connectionProblem(view, node.id, to, relation) : { message: 'Choose the point to connect to.' };
    if (problem) return setError(problem.message);
    setBusy(true);
    try {
      await connect(node.id, to, relation);
      notify({ tone: 'info', message: 'Connected.' });
      setTo('');
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-2" noValidate data-testid="structure.connect">
      <div className="flex items-center gap-2">
        <label htmlFor={ids.relation} className="text-slate-700">
          It
        </label>
        <select
          id={ids.relation}
          value={relation}
          onChange={(e) => (setRelation(e.target.value as Relation), setTo(''), setError(null))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
          data-testid="structure.relation"
        >
          <option value="supports" disabled={attacking}>
            supports
          </option>
          <option value="attacks" disabled={!attacking}>
            attacks
          </option>
        </select>
      </div>
      <label htmlFor={ids.to} className="sr-only">
        The point it {relation === 'supports' ? 'supports' : 'attacks'}
      </label>
      <select
        id={ids.to}
        value={to}
        onChange={(e) => (setTo(e.target.value), setError(null))}
        aria-invalid={error !== null}
        aria-describedby={error ? ids.error : undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
        data-testid="structure.target"
      >
        <option value="">Choose a point…</option>
        {candidates.map((n) => (
          <option key={n.id} value={n.id}>
            {KIND_STYLES[n.kind].label}: {shorten(n.text, 70)}
          </option>
        ))}
      </select>
      {error && (
        <p id={ids.error} className="text-xs text-red-700" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        data-testid="structure.connect-submit"
      >
        {busy ? <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> : <Link2 aria-hidden className="h-3.5 w-3.5" />} Connect
      </button>
    </form>
  );
}

function KindForm({ node }: { node: ArgNode }) {
  const setKind = useMapStore((s) => s.setKind);
  const notify = useMapStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function change(kind: RetypableKind) {
    setBusy(true);
    try {
      await setKind(node.id, kind);
      notify({ tone: 'info', message: kind === 'thesis' ? 'This point is now the thesis.' : `Changed to ${KIND_STYLES[kind].label.toLowerCase()}.` });
    } catch (e) {
      notify({ tone: 'error', message: `Not changed: ${messageOf(e)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-slate-700">
          Kind
        </label>
        <select
          id={id}
          value={node.kind}
          disabled={busy}
          onChange={(e) => void change(e.target.value as RetypableKind)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
          data-testid="structure.kind"
        >
          {/* An unstated point is a premise or a claim: it has no words in the essay to be evidence or the thesis. */}
          {RETYPABLE_KINDS.filter((k) => !node.implicit || UNSTATABLE_KINDS.includes(k)).map((k) => (
            <option key={k} value={k}>
              {KIND_STYLES[k].label}
            </option>
          ))}
        </select>
        {busy && <Loader2 aria-hidden className="h-4 w-4 animate-spin text-slate-500" />}
      </div>
      {node.kind !== 'thesis' && !node.implicit && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void change('thesis')}
          className="inline-flex items-center gap-1.5 rounded-md border border-indigo-300 bg-white px-3 py-1.5 text-xs font-semibold text-indigo-800 hover:bg-indigo-50"
          data-testid="structure.make-thesis"
        >
          <Flag aria-hidden className="h-3.5 w-3.5" /> Make it the thesis
        </button>
      )}
      {node.implicit && <p className="text-xs text-slate-500">An unstated point stays a premise or a claim.</p>}
    </div>
  );
}
