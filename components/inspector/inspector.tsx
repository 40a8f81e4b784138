'use client';

import { useState } from 'react';

import { Tabs } from 'radix-ui';
import { ArrowUp, Check, CircleDashed, MessageSquareWarning, Quote, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { StatusBadge } from '@/components/status-badge';
import { explainStatus } from '@/lib/argument/evaluation';
import { shorten } from '@/lib/argument/text';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import type { HistoryEvent } from '@/lib/argument/history';
import { describeEvent, eventTouchesNode } from '@/lib/argument/history-words';
import { questionsForInference, type QuestionState } from '@/lib/argument/questions';
import { patternFor, reasonOf, stepWordsOf } from '@/lib/argument/question-words';
import { getHistory } from '@/lib/api-client/history';
import { SCHEMES, schemeById, type SchemeId } from '@/lib/argument/schemes';
import { can } from '@/lib/auth/permissions';
import { whyNot } from '@/lib/auth/role-words';
import type { ArgNode } from '@/lib/argument/model';
import { CommentThread } from './comment-thread';
import { ComposerForm } from './composer-form';
import { DraftOffer } from './draft-offer';
import { NodeActions, UNDERCUT_ACTION } from './node-actions';
import { VoteControl } from './vote-control';
import { StructureControls } from './structure-controls';
import { PointDetails, PointTags } from './point-details';

/** The side panel for the selection: what it is, what it connects to, what can be done with it. */
export function Inspector() {
  const selection = useMapStore((s) => s.selection);
  const composer = useMapStore((s) => s.composer);
  const select = useMapStore((s) => s.select);
  if (!selection) return null;
  return (
    <aside className="flex h-full w-[340px] shrink-0 xl:w-[380px] flex-col border-l border-slate-200 bg-white" aria-label="Inspector" data-testid="inspector">
      <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
        <h2 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{selection.type === 'node' ? 'Selected point' : 'Step of reasoning'}</h2>
        <button type="button" onClick={() => select(null)} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close the inspector">
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      <div className="flex-1 space-y-6 overflow-y-auto px-5 py-4">
        <DraftOffer />
        {selection.type === 'node' ? <NodeDetails id={selection.id} /> : <InferenceDetails id={selection.id} />}
        {composer && (
          <div className="border-t border-slate-100 pt-4">
            <ComposerForm key={`${composer.mode}:${composer.targetId}:${composer.question ?? ''}`} composer={composer} />
          </div>
        )}
      </div>
    </aside>
  );
}

function KindBadge({ node }: { node: ArgNode }) {
  const s = KIND_STYLES[node.kind];
  const Icon = s.icon;
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-semibold uppercase tracking-wider"
      style={{ color: s.color, background: s.soft }}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" /> {s.label}
      {node.implicit && <span className="normal-case tracking-normal">· unstated</span>}
    </span>
  );
}

function NodeLink({ node }: { node: ArgNode }) {
  const select = useMapStore((s) => s.select);
  const s = KIND_STYLES[node.kind];
  return (
    <button
      type="button"
      onClick={() => select({ type: 'node', id: node.id }, { focus: true })}
      className="block w-full rounded-md border-l-4 bg-slate-50 px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
      style={{ borderColor: s.color }}
    >
      <span className="font-semibold" style={{ color: s.color }}>
        {s.label}:{' '}
      </span>
      {node.text}
    </button>
  );
}

function NodeDetails({ id }: { id: string }) {
  const view = useMapStore((s) => s.view);
  const composer = useMapStore((s) => s.composer);
  const readOnly = useMapStore((s) => s.history?.at != null);
  const node = view.nodes.find((n) => n.id === id);
  if (!node) return <p className="text-slate-500">This point is no longer on the map.</p>;
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const supports = view.inferences.filter((i) => i.premises.includes(id)).map((i) => byId.get(i.conclusion)!);
  const attacks = view.edges.filter((e) => e.relation === 'attacks' && e.from === id).map((e) => byId.get(e.to)!);
  const reasons = view.inferences.filter((i) => i.conclusion === id).flatMap((i) => i.premises.map((p) => byId.get(p)!));
  const attackers = view.edges.filter((e) => e.relation === 'attacks' && e.to === id && !e.undercut).map((e) => byId.get(e.from)!);
  const comments = view.commentCounts[id] ?? 0;
  const rating = view.ratings[id];
  return (
    <section className="space-y-4" data-testid="inspector.node" data-node-id={node.id}>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-1.5">
          <KindBadge node={node} />
          <PointTags node={node} />
        </div>
        <p className={`text-slate-900 ${node.kind === 'thesis' ? 'text-lg font-semibold' : 'text-base'}`} data-testid="inspector.text">
          {node.text}
        </p>
        <p className="text-xs text-slate-500">Added by {node.author}</p>
      </div>
      {node.quote && (
        <figure className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <figcaption className="mb-1 flex items-center gap-1 text-xs font-semibold uppercase tracking-wider text-slate-500">
            <Quote aria-hidden className="h-3.5 w-3.5" /> From the essay
          </figcaption>
          <blockquote className="font-serif text-[15px] italic leading-relaxed text-slate-800">“{node.quote.text}”</blockquote>
        </figure>
      )}
      {node.implicit && (
        <p className="rounded-md border border-dashed border-teal-600 bg-teal-50 px-3 py-2 text-sm text-teal-900">
          The essay never says this. The argument needs it to be true: if it is false, the step it belongs to fails.
        </p>
      )}
      {!composer && <NodeActions nodeId={node.id} />}
      {!composer && <PointDetails key={`details:${node.id}`} node={node} />}
      {!composer && !readOnly && <StructureControls key={node.id} node={node} />}
      <NodeStatus node={node} />
      <Tabs.Root defaultValue="connections" className="space-y-4">
        <Tabs.List className="flex gap-1 border-b border-slate-200" aria-label="About this point">
          <Tabs.Trigger value="connections" className={TAB} data-testid="inspector.tab-connections">
            Connections
          </Tabs.Trigger>
          <Tabs.Trigger value="discussion" className={TAB} disabled={readOnly} hidden={readOnly} data-testid="inspector.tab-discussion">
            Discussion{comments > 0 ? ` (${comments})` : ''}
            {rating ? ` · ★ ${rating.average.toFixed(1)}` : ''}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="connections" className="space-y-4 outline-none">
          <Related title="Supports" icon nodes={supports} />
          <Related title="Attacks" icon nodes={attacks} />
          <Related title={`Reasons for it (${reasons.length})`} nodes={reasons} />
          <StepsInto nodeId={node.id} />
          <Related
            title={`Objections to it (${attackers.length})`}
            nodes={attackers}
            empty={node.kind === 'thesis' ? undefined : 'No objections yet — press Object to raise one.'}
          />
          <NodeHistory nodeId={node.id} />
        </Tabs.Content>
        <Tabs.Content value="discussion" className="space-y-5 outline-none">
          <VoteControl key={node.id} nodeId={node.id} />
          <CommentThread key={node.id} nodeId={node.id} />
        </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}

/** The steps of reasoning that conclude in a node: a way into their schemes and questions. */
function StepsInto({ nodeId }: { nodeId: string }) {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const select = useMapStore((s) => s.select);
  const steps = view.inferences.filter((i) => i.conclusion === nodeId);
  if (steps.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500">Steps of reasoning into it ({steps.length})</h3>
      <div className="space-y-1.5">
        {steps.map((step) => {
          const open = questionsForInference(view, evaluation, step.id).filter((q) => q.state !== 'answered').length;
          const carries = evaluation.inferences[step.id]?.carries;
          return (
            <button
              key={step.id}
              type="button"
              onClick={() => select({ type: 'inference', id: step.id }, { focus: true })}
              className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-left text-sm hover:bg-slate-50"
              data-testid="inspector.step"
            >
              <span>
                <span className="font-medium text-slate-800">{step.scheme ? schemeById(step.scheme)?.name : 'Unnamed step'}</span>
                <span className="block text-xs text-slate-500">
                  {step.premises.length} premise{step.premises.length === 1 ? '' : 's'} ·{' '}
                  {carries === true ? 'carries' : carries === false ? 'fails' : 'undecided'}
                  {open > 0 ? ` · ${open} open question${open === 1 ? '' : 's'}` : ''}
                </span>
              </span>
              <ArrowUp aria-hidden className="h-4 w-4 rotate-90 text-slate-400" />
            </button>
          );
        })}
      </div>
    </div>
  );
}

const historyTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** What happened to this point: added, reworded, deleted, restored, discussed — newest first, on request. */
function NodeHistory({ nodeId }: { nodeId: string }) {
  const slug = useMapStore((s) => s.view.map.slug);
  const view = useMapStore((s) => s.liveView ?? s.view);
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textOf = (id: string) => view.nodes.find((n) => n.id === id)?.text;
  return (
    <div data-testid="inspector.history">
      {events === null ? (
        <button
          type="button"
          className="text-sm font-medium text-indigo-700 underline"
          onClick={() =>
            getHistory(slug)
              .then(({ events: all }) => setEvents(all.filter((e) => eventTouchesNode(e, nodeId))))
              .catch((e: unknown) => setError(messageOf(e)))
          }
          data-testid="inspector.history-show"
        >
          Show the history of this point
        </button>
      ) : (
        <>
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500">History of this point</h3>
          {events.length === 0 ? (
            <p className="text-sm text-slate-500">Unchanged since the map was made.</p>
          ) : (
            <ol className="space-y-1.5 text-sm">
              {events.map((e) => (
                <li key={e.id} className="rounded-md bg-slate-50 px-3 py-2" data-testid="inspector.history-event">
                  <span className="block text-slate-800">{describeEvent(e, textOf)}</span>
                  <span className="text-xs text-slate-500">{historyTime.format(new Date(e.at))}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

const TAB =
  '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700';

/** The node's status, why, and the viewer's what-if switch. */
function NodeStatus({ node }: { node: ArgNode }) {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const toggle = useMapStore((s) => s.toggleAssumeRejected);
  const ev = evaluation.nodes[node.id];
  if (!ev) return null;
  const why = explainStatus(view, evaluation, node.id, (id) => shorten(view.nodes.find((n) => n.id === id)?.text ?? '', 90));
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="inspector.status">
      <StatusBadge status={ev.status} size="md" />
      <p className="text-sm text-slate-700" data-testid="inspector.why">
        {why}
      </p>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={ev.assumedRejected}
          onChange={() => toggle(node.id)}
          className="mt-0.5 h-4 w-4 accent-amber-600"
          data-testid="inspector.assume-rejected"
        />
        <span>
          <span className="font-medium">Assume rejected</span>
          <span className="block text-xs text-slate-500">What-if: see how the map changes. Only you see this; nothing is saved.</span>
        </span>
      </label>
    </div>
  );
}

function Related({ title, nodes, icon, empty }: { title: string; nodes: ArgNode[]; icon?: boolean; empty?: string }) {
  if (nodes.length === 0 && !empty) return null;
  return (
    <div>
      <h3 className="mb-1.5 flex items-center gap-1 text-xs font-semibold uppercase tracking-wider text-slate-500">
        {icon && <ArrowUp aria-hidden className="h-3.5 w-3.5" />} {title}
      </h3>
      {nodes.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="space-y-1.5">
          {nodes.map((n) => (
            <NodeLink key={n.id} node={n} />
          ))}
        </div>
      )}
    </div>
  );
}

function InferenceDetails({ id }: { id: string }) {
  const view = useMapStore((s) => s.view);
  const composer = useMapStore((s) => s.composer);
  const openComposer = useMapStore((s) => s.openComposer);
  const readOnly = useMapStore((s) => s.history?.at != null);
  const inference = view.inferences.find((i) => i.id === id);
  if (!inference) return <p className="text-slate-500">This step is no longer on the map.</p>;
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const undercuts = view.conflicts.filter((c) => 'inference' in c.target && c.target.inference === id).map((c) => byId.get(c.attacker)!);
  const Undercut = UNDERCUT_ACTION.icon;
  return (
    <section className="space-y-4" data-testid="inspector.inference">
      <p className="text-sm text-slate-600">
        {inference.premises.length > 1 ? 'These premises are linked: they support the conclusion only together.' : 'This reason supports the conclusion.'} An
        undercut grants the reasons but denies that they carry the conclusion.
      </p>
      <Related title="Because" nodes={inference.premises.map((p) => byId.get(p)!)} />
      <Related title="Therefore" nodes={[byId.get(inference.conclusion)!]} />
      {!composer && !readOnly && can(view.viewer.role, 'add') && (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => openComposer({ mode: 'undercut', targetId: id })}
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
            data-testid="inference.undercut"
          >
            <Undercut aria-hidden className="h-4 w-4" /> Undercut
          </button>
          <button
            type="button"
            onClick={() => openComposer({ mode: 'linked', targetId: id })}
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            data-testid="inference.linked"
          >
            Add linked premise
          </button>
        </div>
      )}
      <Related title={`Undercuts (${undercuts.length})`} nodes={undercuts} empty="Nobody has questioned this step yet." />
      <SchemeSection inferenceId={id} />
    </section>
  );
}

const QUESTION_STATE: Record<QuestionState, { label: string; className: string; icon: typeof Check }> = {
  open: { label: 'Open', className: 'bg-slate-100 text-slate-700', icon: CircleDashed },
  raised: { label: 'Raised — unanswered', className: 'bg-red-50 text-red-800', icon: MessageSquareWarning },
  answered: { label: 'Answered', className: 'bg-emerald-50 text-emerald-800', icon: Check },
};

/** The step's argument scheme, its pattern, and its critical questions with their state. */
function SchemeSection({ inferenceId }: { inferenceId: string }) {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const openComposer = useMapStore((s) => s.openComposer);
  const setScheme = useMapStore((s) => s.setScheme);
  const notify = useMapStore((s) => s.notify);
  const select = useMapStore((s) => s.select);
  const readOnly = useMapStore((s) => s.history?.at != null);
  const inference = view.inferences.find((i) => i.id === inferenceId)!;
  const scheme = inference.scheme ? schemeById(inference.scheme) : undefined;
  const questions = questionsForInference(view, evaluation, inferenceId);
  const step = stepWordsOf(view, inference);
  const pattern = scheme ? patternFor(scheme, step) : null;
  // An objection to a premise goes first to the reason the question names.
  const namedPremise = reasonOf(view.nodes.filter((n) => inference.premises.includes(n.id)))?.id ?? inference.premises[0];
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4" data-testid="inspector.scheme">
      <label className="block">
        <span className="mb-1 block text-xs font-semibold uppercase tracking-wider text-slate-500">Pattern of reasoning</span>
        <select
          value={inference.scheme ?? ''}
          onChange={(e) =>
            setScheme(inferenceId, (e.target.value || null) as SchemeId | null).catch((err: unknown) =>
              notify({ tone: 'error', message: `Scheme not saved: ${messageOf(err)}` }),
            )
          }
          className="w-full rounded-md border border-slate-300 px-2 py-2 text-sm disabled:bg-slate-50"
          disabled={readOnly || !can(view.viewer.role, 'arrange')}
          title={
            readOnly
              ? 'You are looking at the map as it was: go back to now to change it.'
              : (whyNot('change', { role: view.viewer.role, policy: view.map.policy }) ?? undefined)
          }
          data-testid="inspector.scheme-select"
        >
          <option value="">No scheme named</option>
          {SCHEMES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {scheme && pattern && (
        <>
          <p className="text-sm text-slate-700">{scheme.summary}</p>
          <details className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="inspector.pattern">
            <summary className="cursor-pointer font-medium">The pattern</summary>
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {pattern.premises.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ol>
            <p className="mt-1 border-t border-slate-200 pt-1 font-medium">∴ {pattern.conclusion}</p>
            {pattern.here && <p className="mt-1 text-slate-600">Here the conclusion is {pattern.here}.</p>}
          </details>
          <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500">Critical questions</h3>
          <ul className="space-y-2">
            {questions.map((q) => {
              const state = QUESTION_STATE[q.state];
              const StateIcon = state.icon;
              return (
                <li key={q.id} className="rounded-md border border-slate-200 p-2.5" data-testid="inspector.question" data-state={q.state}>
                  <p className="text-sm text-slate-800">{q.text}</p>
                  <div className="mt-1.5 flex flex-wrap items-center gap-2">
                    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${state.className}`}>
                      <StateIcon aria-hidden className="h-3.5 w-3.5" /> {state.label}
                    </span>
                    <span className="text-xs text-slate-500">{q.question.attacks === 'inference' ? 'questions the step' : 'questions a premise'}</span>
                    {q.raisedBy.map((n) => (
                      <button
                        key={n}
                        type="button"
                        className="text-xs font-medium text-indigo-700 underline"
                        onClick={() => select({ type: 'node', id: n }, { focus: true })}
                      >
                        see objection
                      </button>
                    ))}
                    <button
                      type="button"
                      hidden={readOnly || !can(view.viewer.role, 'add')}
                      className="ml-auto rounded-md border border-slate-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
                      onClick={() =>
                        openComposer(
                          q.question.attacks === 'inference'
                            ? { mode: 'undercut', targetId: inferenceId, question: q.id, questionText: q.text, prefill: q.prompt }
                            : {
                                mode: 'object',
                                targetId: namedPremise,
                                targetChoices: inference.premises,
                                question: q.id,
                                questionText: q.text,
                                prefill: q.prompt,
                              },
                        )
                      }
                      data-testid="inspector.raise-question"
                    >
                      Raise this question
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
