'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { History, PencilLine, Quote, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { ComposerTaskHint } from '@/components/classes/tasks/my-tasks';
import { ApiError, isOfflineError } from '@/lib/api-client/errors';
import { rememberedName, rememberName } from '@/lib/api-client/identity';
import { OFFLINE_DRAFT_MESSAGE, OFFLINE_TONE } from './offline-draft';
import { DEFERRED } from '@/components/map-store/deferred';
import { composerDraftKey, messageOf, useMapStore, type Composer, type DraftSource } from '@/components/map-store/map-store';
import type { AddableKind } from '@/lib/argument/model';
import { NODE_TEXT_MAX } from '@/lib/validation/limits';
import { AuthorField, fixedName } from '@/components/ui/author-field';
import { questionById } from '@/lib/argument/schemes';
import { shorten } from '@/lib/argument/text';
import { TextAreaField } from '@/components/ui/text-area-field';

interface ModeSpec {
  title: string;
  verb: string;
  kinds: AddableKind[];
  relation: 'supports' | 'attacks';
  placeholder: string;
}

const MODES: Record<Exclude<Composer['mode'], 'edit'>, ModeSpec> = {
  object: {
    title: 'Object to this point',
    verb: 'Add objection',
    kinds: ['objection'],
    relation: 'attacks',
    placeholder: 'Why might this be false? State the basis of your objection.',
  },
  support: {
    title: 'Support this point',
    verb: 'Add reason',
    kinds: ['evidence', 'premise', 'claim'],
    relation: 'supports',
    placeholder: 'A reason, a fact or a source that makes this more likely to be true.',
  },
  rebut: { title: 'Rebut this objection', verb: 'Add rebuttal', kinds: ['rebuttal'], relation: 'attacks', placeholder: 'Why does the objection fail?' },
  undercut: {
    title: 'Undercut this step',
    verb: 'Add undercut',
    kinds: ['objection'],
    relation: 'attacks',
    placeholder: 'Grant the reasons — why don’t they carry the conclusion?',
  },
  linked: {
    title: 'Add a linked premise',
    verb: 'Add premise',
    kinds: ['premise', 'evidence', 'claim'],
    relation: 'supports',
    placeholder: 'What else must be true for this step to work?',
  },
};

interface FieldErrors {
  text?: string;
  author?: string;
  asOf?: string;
  form?: string;
}

/** Why the submit button waits while the text is still a critical question's prompt. */
const PROMPT_HINT = 'Finish the sentence in your own words';

/**
 * The form that adds an objection, reason, rebuttal or undercut — or edits a node's text. Its text
 * is kept in the store (and the tab's session storage) as a draft until it is sent or cancelled, with
 * the composer it was typed in, so a failed send, going offline, closing the form, selecting another
 * point, a reload or Back/Forward loses nothing (`useDraftRestore` reopens it).
 *
 * Opened with a `prefill` (a critical question's prompt), it cannot be sent until the text is more
 * than the prompt.
 */
export function ComposerForm({ composer }: { composer: Composer }) {
  const target = useMapStore((s) => s.view.nodes.find((n) => n.id === composer.targetId));
  const essaySelection = useMapStore((s) => s.essaySelection);
  const setEssaySelection = useMapStore((s) => s.setEssaySelection);
  const openComposer = useMapStore((s) => s.openComposer);
  const addNode = useMapStore((s) => s.addNode);
  const editNode = useMapStore((s) => s.editNode);
  const editing = composer.mode === 'edit';
  const spec = composer.mode === 'edit' ? null : MODES[composer.mode];

  const draft = composerDraftKey(composer);
  const setDraft = useMapStore((s) => s.setDraft);
  const kept = useMapStore((s) => s.draftSources[draft]);
  const selectionNow = useMapStore((s) => s.selection);
  // Where this draft comes from, kept with it so a reload reopens this composer on the same point.
  // A restored draft keeps what it started from (the original words, the version the edit began on).
  const [source] = useState<DraftSource>(
    () =>
      kept ?? {
        composer,
        selection: selectionNow ?? { type: target ? 'node' : 'inference', id: composer.targetId },
        start: editing ? (target?.text ?? '') : (composer.prefill ?? ''),
        baseVersion: editing ? (target?.version ?? 0) : undefined,
      },
  );
  const initialText = source.start;
  const keptText = useMapStore((s) => s.drafts[draft]);
  const text = keptText ?? initialText;
  // Reopened on words typed earlier (after a reload, Back/Forward, or Resume): say so.
  const [resumed] = useState(keptText !== undefined && keptText.trim() !== '');
  // Back to exactly what it started with, it is no draft: nothing to keep, nothing to warn about.
  const setText = (next: string) => setDraft(draft, next === initialText ? null : next, source);
  const [chosenTarget, setChosenTarget] = useState(composer.targetId);
  // The version the edit starts from: live updates may bring a newer one, and saving over that
  // without seeing it would lose someone's change, so the server must be told what we saw.
  const baseVersion = source.baseVersion ?? 0;
  // A critical question's prompt, unfinished: sending it would post the prompt as the objection.
  const unfinishedPrompt = composer.prefill !== undefined && text.trim() === composer.prefill.trim();
  // Signed in, or joined a class: points carry that name, and the server ignores any other.
  const signedAs = useMapStore((s) => fixedName(s.view));
  const alias = useMapStore((s) => s.view.viewer.alias);
  const nodes = useMapStore((s) => s.view.nodes);
  const question = composer.question ? questionById(composer.question) : undefined;
  const [kind, setKind] = useState<AddableKind>(spec?.kinds[0] ?? 'claim');
  const [unstated, setUnstated] = useState(false);
  // When the facts an objection or rebuttal relies on were known (YYYY-MM), for "judge as of".
  const [asOf, setAsOf] = useState('');
  const dated = spec?.relation === 'attacks';
  // The form only ever renders in the browser (after a click), so localStorage is there.
  const [author, setAuthor] = useState(() => (typeof window === 'undefined' ? '' : rememberedName()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  /** Someone else saved this point while it was being edited: their version, to choose from. */
  const [conflict, setConflict] = useState<{ text: string; version: number } | null>(null);
  const refresh = useMapStore((s) => s.refresh);
  const textId = useId();

  const quote = !editing && !unstated ? essaySelection : null;

  // Opened on a prompt ending in "…": the "…" is selected, so typing finishes the sentence.
  useEffect(() => {
    const box = document.getElementById(textId);
    if (!(box instanceof HTMLTextAreaElement) || box.value !== composer.prefill) return;
    const gap = box.value.lastIndexOf('…');
    if (gap >= 0) box.setSelectionRange(gap, gap + 1);
  }, [textId, composer.prefill]);

  /** Closes the form and drops its draft (Cancel, or the draft was sent). */
  function discard() {
    setDraft(draft, null);
    openComposer(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (unfinishedPrompt) return;
    setBusy(true);
    try {
      // The schema (and zod with it) loads once the page is idle, not with the map page.
      const { nodeFormSchema } = await DEFERRED.nodeSchemas.load();
      // A name the server fixes (signed in, or a class member) is not the form's to check or send.
      const { monthSchema } = await DEFERRED.nodeSchemas.load();
      const parsed = nodeFormSchema.safeParse({ text, author: signedAs ? '' : author });
      const month = dated && asOf !== '' ? monthSchema.safeParse(asOf) : null;
      if (!parsed.success || (month && !month.success)) {
        const next: FieldErrors = {};
        for (const issue of parsed.error?.issues ?? []) next[issue.path[0] as 'text' | 'author'] ??= issue.message;
        if (month && !month.success) next.asOf = month.error.issues[0]?.message;
        setErrors(next);
        return;
      }
      setErrors({});
      if (editing) {
        if (!target) throw new Error('This point no longer exists.');
        await editNode(target.id, parsed.data.text, baseVersion);
      } else {
        if (!signedAs) rememberName(parsed.data.author);
        await addNode({
          // Unstated: a warrant (premise) or a reconstructed claim; evidence is always stated.
          kind: unstated && kind === 'evidence' ? 'premise' : kind,
          text: parsed.data.text,
          target: chosenTarget,
          relation: spec!.relation,
          question: composer.question,
          quote: quote ? { start: quote.start, end: quote.end } : undefined,
          implicit: unstated || undefined,
          author: parsed.data.author || undefined,
          asOf: month?.data,
        });
      }
      setDraft(draft, null);
    } catch (error) {
      if (editing && error instanceof ApiError && error.status === 409) {
        const current = (error.body as { current?: { text: string; version: number } }).current;
        if (current) {
          setConflict({ text: current.text, version: current.version });
          setErrors({});
          return;
        }
      }
      const next: FieldErrors = { form: isOfflineError(error) ? OFFLINE_DRAFT_MESSAGE : messageOf(error) };
      if (error instanceof ApiError) {
        for (const issue of error.issues) {
          if (issue.path[0] === 'text') next.text = issue.message;
          if (issue.path[0] === 'author') next.author = issue.message;
          if (issue.path[0] === 'asOf') next.asOf = issue.message;
        }
      }
      setErrors(next);
    } finally {
      setBusy(false);
    }
  }

  const title = editing ? 'Edit this point' : spec!.title;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="composer" aria-label={title}>
      <div className="flex items-center justify-between">
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        <button type="button" onClick={discard} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Cancel">
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>

      {resumed && (
        <p className="flex items-center gap-1.5 text-sm text-slate-600" data-testid="composer.resumed">
          <History aria-hidden className="h-4 w-4 shrink-0 text-indigo-600" />
          Not sent yet — here is what you wrote.
        </p>
      )}

      {!editing && <ComposerTaskHint composer={composer} />}

      {question && (
        <p className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950" data-testid="composer.question">
          <span className="font-semibold">Critical question ({question.scheme.name}):</span> {composer.questionText ?? question.question.text}
        </p>
      )}

      {composer.targetChoices && composer.targetChoices.length > 1 && (
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Which premise does it doubt?</span>
          <select
            value={chosenTarget}
            onChange={(e) => setChosenTarget(e.target.value)}
            className="w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
            data-testid="composer.target"
          >
            {composer.targetChoices.map((id) => (
              <option key={id} value={id}>
                {shorten(nodes.find((n) => n.id === id)?.text ?? id, 70)}
              </option>
            ))}
          </select>
        </label>
      )}

      {spec && spec.kinds.length > 1 && (
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">What kind of point?</legend>
          <div className="flex flex-wrap gap-2">
            {spec.kinds.map((k) => {
              const s = KIND_STYLES[k];
              const Icon = s.icon;
              const on = kind === k && !(unstated && k === 'evidence');
              return (
                <label
                  key={k}
                  className={`inline-flex cursor-pointer items-center gap-1.5 rounded-md border-2 px-2.5 py-1 text-sm font-medium ${on ? '' : 'border-slate-200 text-slate-600'}`}
                  style={on ? { borderColor: s.color, color: s.color, background: s.soft } : undefined}
                >
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={on}
                    onChange={() => {
                      setKind(k);
                      if (k === 'evidence') setUnstated(false);
                    }}
                    className="sr-only"
                  />
                  <Icon aria-hidden className="h-4 w-4" /> {s.label}
                </label>
              );
            })}
          </div>
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={unstated}
              onChange={(e) => {
                setUnstated(e.target.checked);
                if (e.target.checked && kind === 'evidence') setKind('premise');
              }}
              className="h-4 w-4 accent-teal-700"
              data-testid="composer.unstated"
            />
            Unstated — the author relies on it but never says it ({kind === 'claim' ? 'a claim in your words' : 'a premise'})
          </label>
        </fieldset>
      )}

      <div>
        <label htmlFor={textId} className="mb-1 block text-sm font-medium text-slate-700">
          In your words
        </label>
        <TextAreaField
          id={textId}
          value={text}
          onChange={setText}
          rows={4}
          max={NODE_TEXT_MAX}
          placeholder={editing ? undefined : spec!.placeholder}
          error={errors.text}
          autoFocus
          testId="composer.text"
        />
      </div>

      {!editing && !unstated && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="composer.quote">
          {quote ? (
            <div className="flex items-start gap-2">
              <Quote aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" />
              <p className="flex-1 font-serif italic text-slate-800">“{quote.text}”</p>
              <button
                type="button"
                onClick={() => setEssaySelection(null)}
                className="rounded p-0.5 text-slate-500 hover:bg-slate-200"
                aria-label="Remove the quote"
              >
                <X aria-hidden className="h-4 w-4" />
              </button>
            </div>
          ) : (
            <p className="text-slate-500">Optional: select words in the essay to quote them as this point’s source.</p>
          )}
        </div>
      )}

      {!editing && dated && (
        <div className="text-sm">
          <label htmlFor={`${textId}-as-of`} className="mb-1 block font-medium text-slate-700">
            Facts known as of <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${textId}-as-of`}
            type="month"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            aria-invalid={errors.asOf ? true : undefined}
            aria-describedby={`${textId}-as-of-note`}
            className="rounded-md border border-slate-300 px-2 py-1.5 aria-[invalid=true]:border-red-400"
            data-testid="composer.as-of"
          />
          {errors.asOf ? (
            <p id={`${textId}-as-of-note`} className="mt-1 text-red-700" data-testid="composer.as-of-error">
              {errors.asOf}
            </p>
          ) : (
            <p id={`${textId}-as-of-note`} className="mt-1 text-slate-500">
              The month the newest fact it relies on was known, so a class can judge the essay as of its own date.
            </p>
          )}
        </div>
      )}

      {!editing && (
        <AuthorField signedAs={signedAs} alias={alias} author={author} onAuthor={setAuthor} error={errors.author} layout="block" testId="composer" />
      )}

      {conflict && target && (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="alert" data-testid="composer.conflict">
          <p className="font-semibold text-amber-950">Someone else changed this point while you were editing it.</p>
          <div>
            <p className="text-xs font-semibold uppercase tracking-wider text-amber-900">Their version (saved)</p>
            <p className="mt-1 rounded bg-white p-2 text-slate-800" data-testid="composer.conflict-theirs">
              {conflict.text}
            </p>
          </div>
          <div>
            <p className="text-xs font-semibold uppercase tracking-wider text-amber-900">Your version (not saved)</p>
            <p className="mt-1 rounded bg-white p-2 text-slate-800">{text}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white hover:bg-indigo-700"
              onClick={async () => {
                setBusy(true);
                try {
                  await editNode(target.id, text, conflict.version);
                  setDraft(draft, null);
                  setConflict(null);
                } catch (e) {
                  setErrors({ form: isOfflineError(e) ? OFFLINE_DRAFT_MESSAGE : messageOf(e) });
                } finally {
                  setBusy(false);
                }
              }}
              data-testid="composer.conflict-mine"
            >
              Save mine instead
            </button>
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
              onClick={() => {
                setConflict(null);
                discard();
                void refresh();
              }}
              data-testid="composer.conflict-theirs-keep"
            >
              Keep theirs
            </button>
          </div>
        </div>
      )}

      {errors.form && (
        <p
          className={`rounded-md border px-3 py-2 text-sm ${errors.form === OFFLINE_DRAFT_MESSAGE ? OFFLINE_TONE : 'border-red-200 bg-red-50 text-red-800'}`}
          role="alert"
          data-testid="composer.error"
        >
          {errors.form}
        </p>
      )}

      <div className="flex flex-wrap items-center justify-end gap-2">
        {unfinishedPrompt && (
          <p id={`${textId}-prompt`} className="mr-auto flex items-center gap-1.5 text-sm text-slate-600" data-testid="composer.prompt-hint">
            <PencilLine aria-hidden className="h-4 w-4 shrink-0 text-indigo-600" />
            {PROMPT_HINT}
          </p>
        )}
        <button type="button" onClick={discard} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
          Cancel
        </button>
        <button
          type="submit"
          disabled={busy || unfinishedPrompt}
          aria-describedby={unfinishedPrompt ? `${textId}-prompt` : undefined}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-indigo-600"
          data-testid="composer.submit"
        >
          {busy ? 'Saving…' : editing ? 'Save' : spec!.verb}
        </button>
      </div>
    </form>
  );
}
