'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { MessageSquare, Pencil, Trash2 } from 'lucide-react';
import { addComment, deleteComment, editComment, listComments } from '@/lib/api-client/discussion';
import { ApiError, isOfflineError } from '@/lib/api-client/errors';
import { rememberedName, rememberName } from '@/lib/api-client/identity';
import { OFFLINE_DRAFT_MESSAGE, OFFLINE_TONE } from './offline-draft';
import { DEFERRED } from '@/components/map-store/deferred';
import { draftKey, messageOf, useMapStore } from '@/components/map-store/map-store';
import { isEdited, timeAgo, type CommentView } from '@/lib/argument/discussion';
import { can } from '@/lib/auth/permissions';
import { whyNot } from '@/lib/auth/role-words';
import { COMMENT_TEXT_MAX } from '@/lib/validation/limits';
import { AuthorField, fixedName } from '@/components/ui/author-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { FormAlert } from '@/components/ui/form-alert';

interface CommentThreadProps {
  nodeId: string;
}

interface FieldErrors {
  text?: string;
  author?: string;
  form?: string;
}

/** Field errors from a zod failure or an API refusal, by the first segment of each issue's path. */
function fieldErrors(issues: { path: PropertyKey[]; message: string }[], form?: string): FieldErrors {
  const errors: FieldErrors = { form };
  for (const issue of issues) {
    const field = issue.path[0];
    if (field === 'text' || field === 'author') errors[field] ??= issue.message;
  }
  return errors;
}

/** The current time, refreshed every `intervalMs`, so "3 minutes ago" keeps up. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The discussion of one node: its comments, oldest first, and a form to add one. Comments this
 * person wrote can be edited and deleted, and the map's owner may edit or delete any (moderation).
 * Someone whose role may not comment gets the reason in place of the form. Reloads whenever the map
 * changes (live updates replace the store's view, a role change included), so other people's
 * comments appear too.
 */
export function CommentThread({ nodeId }: CommentThreadProps) {
  const slug = useMapStore((s) => s.view.map.slug);
  const view = useMapStore((s) => s.view);
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const now = useNow(30_000);
  const headingId = useId();
  const locked = useMapStore((s) => whyNot('comment', { role: s.view.viewer.role, policy: s.view.map.policy }));

  useEffect(() => {
    let current = true;
    listComments(slug, nodeId).then(
      (answer) => {
        if (!current) return;
        setComments(answer.comments);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(messageOf(error));
      },
    );
    return () => {
      current = false;
    };
    // `view` is a trigger: any change to the map may come with new comments from someone else.
  }, [slug, nodeId, view, attempt]);

  const replace = (comment: CommentView) => setComments((list) => (list ?? []).map((c) => (c.id === comment.id ? comment : c)));
  const remove = (id: string) => setComments((list) => (list ?? []).filter((c) => c.id !== id));
  const append = (comment: CommentView) => setComments((list) => [...(list ?? []).filter((c) => c.id !== comment.id), comment]);

  return (
    <section className="space-y-3 border-t border-slate-100 pt-4" aria-labelledby={headingId} data-testid="comments">
      <h3 id={headingId} className="flex items-center gap-1 text-xs font-semibold uppercase tracking-wider text-slate-500">
        <MessageSquare aria-hidden className="h-3.5 w-3.5" /> Comments{comments && comments.length > 0 ? ` (${comments.length})` : ''}
      </h3>
      {loadError && !comments ? (
        <FormAlert as="div" testId="comments.error">
          Comments could not be loaded: {loadError}{' '}
          <button type="button" className="font-semibold underline" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </FormAlert>
      ) : !comments ? (
        <p className="text-sm text-slate-500" role="status">
          Loading comments…
        </p>
      ) : comments.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="comments.empty">
          {locked ? 'No comments yet.' : 'No comments yet — start the discussion.'}
        </p>
      ) : (
        <ol className="space-y-2">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} now={now} onChanged={replace} onDeleted={remove} />
          ))}
        </ol>
      )}
      {locked ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="comment.locked">
          {locked}
        </p>
      ) : (
        <NewCommentForm slug={slug} nodeId={nodeId} draft={draftKey('comment.new', nodeId)} onAdded={append} />
      )}
    </section>
  );
}

interface NewCommentFormProps {
  slug: string;
  /** The point the comment is on. */
  nodeId: string;
  /** Where the unsent text is kept (`draftKey`): it survives a failed send and the panel closing. */
  draft: string;
  onAdded(comment: CommentView): void;
}

function NewCommentForm({ slug, nodeId, draft, onAdded }: NewCommentFormProps) {
  const text = useMapStore((s) => s.drafts[draft]) ?? '';
  const setDraft = useMapStore((s) => s.setDraft);
  const setText = (next: string) => setDraft(draft, next);
  // Signed in, or joined a class: the server signs the comment with that name and ignores any other.
  const signedAs = useMapStore((s) => fixedName(s.view));
  const alias = useMapStore((s) => s.view.viewer.alias);
  // Only ever rendered in the browser (the inspector opens on a click), so localStorage is there.
  const [author, setAuthor] = useState(() => (typeof window === 'undefined' ? '' : rememberedName()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const textId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      // The schemas (and zod with them) load once the page is idle, not with the map page.
      const { commentCreateSchema } = await DEFERRED.discussionSchemas.load();
      const parsed = commentCreateSchema.safeParse({ text, author: signedAs ? undefined : author });
      if (!parsed.success) {
        setErrors(fieldErrors(parsed.error.issues));
        return;
      }
      setErrors({});
      if (!signedAs) rememberName(parsed.data.author ?? '');
      const { comment } = await addComment(slug, nodeId, { text: parsed.data.text, author: parsed.data.author || undefined });
      onAdded(comment);
      setDraft(draft, null);
    } catch (error) {
      setErrors(
        isOfflineError(error)
          ? { form: OFFLINE_DRAFT_MESSAGE }
          : error instanceof ApiError
            ? fieldErrors(error.issues, error.message)
            : { form: messageOf(error) },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate aria-label="Add a comment" data-testid="comment.form">
      <label htmlFor={textId} className="sr-only">
        Your comment
      </label>
      <TextAreaField
        id={textId}
        value={text}
        onChange={setText}
        rows={3}
        max={COMMENT_TEXT_MAX}
        placeholder="Ask a question, suggest a source, say what you think…"
        error={errors.text}
        testId="comment.text"
        countFrom={0.8}
      />
      <div className="flex items-center gap-2">
        <AuthorField signedAs={signedAs} alias={alias} author={author} onAuthor={setAuthor} error={errors.author} layout="inline" testId="comment" />
        <button
          type="submit"
          disabled={busy}
          className="shrink-0 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
          data-testid="comment.submit"
        >
          {busy ? 'Sending…' : 'Comment'}
        </button>
      </div>
      {errors.author && <p className="text-xs text-red-700">{errors.author}</p>}
      {errors.form && (
        <p
          className={`rounded-md border px-3 py-2 text-sm ${errors.form === OFFLINE_DRAFT_MESSAGE ? OFFLINE_TONE : 'border-red-200 bg-red-50 text-red-800'}`}
          role="alert"
          data-testid="comment.error"
        >
          {errors.form}
        </p>
      )}
    </form>
  );
}

interface CommentItemProps {
  comment: CommentView;
  now: Date;
  onChanged(comment: CommentView): void;
  onDeleted(id: string): void;
}

/** One comment; its author's browser may edit it in place or delete it (after an inline "Delete? Yes / No"). */
function CommentItem({ comment, now, onChanged, onDeleted }: CommentItemProps) {
  const slug = useMapStore((s) => s.view.map.slug);
  const role = useMapStore((s) => s.view.viewer.role);
  // The writer while they may still comment; the owner, anyone's (moderation).
  const moderating = !comment.mine && can(role, 'moderate');
  const mayChange = (comment.mine && can(role, 'comment')) || moderating;
  const notify = useMapStore((s) => s.notify);
  const key = draftKey('comment.edit', comment.id);
  const kept = useMapStore((s) => s.drafts[key]);
  const keepDraft = useMapStore((s) => s.setDraft);
  // A kept draft reopens the editor with it (after a failed save, the panel closing, going offline).
  const [mode, setMode] = useState<'read' | 'edit' | 'confirm-delete'>(kept === undefined ? 'read' : 'edit');
  const draft = kept ?? comment.text;
  const setDraft = (text: string | null) => keepDraft(key, text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draftId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { commentUpdateSchema } = await DEFERRED.discussionSchemas.load();
      const parsed = commentUpdateSchema.safeParse({ text: draft });
      if (!parsed.success) {
        setError(parsed.error.issues[0].message);
        return;
      }
      const answer = await editComment(slug, comment.id, parsed.data);
      onChanged(answer.comment);
      setDraft(null);
      setMode('read');
      setError(null);
    } catch (e) {
      setError(isOfflineError(e) ? OFFLINE_DRAFT_MESSAGE : e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await deleteComment(slug, comment.id);
      onDeleted(comment.id);
      notify({ tone: 'info', message: 'Comment deleted.' });
    } catch (e) {
      notify({ tone: 'error', message: `Comment not deleted: ${messageOf(e)}` });
      setBusy(false);
      setMode('read');
    }
  }

  const written = new Date(comment.createdAt);
  // A role change while editing closes the editor (the draft is kept for when it comes back).
  const shown = mayChange ? mode : 'read';
  return (
    <li
      className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
      data-testid="comment"
      data-comment-id={comment.id}
      data-mine={comment.mine ? 'true' : 'false'}
    >
      <div className="flex flex-wrap items-baseline gap-x-1.5 text-xs text-slate-500">
        <span className="font-semibold text-slate-800" data-testid="comment.author-name">
          {comment.author}
        </span>
        {comment.mine && <span>(you)</span>}
        <span aria-hidden>·</span>
        <time dateTime={comment.createdAt} title={written.toLocaleString()}>
          {timeAgo(written, now)}
        </time>
        {isEdited(comment) && (
          <span title={`Edited ${new Date(comment.updatedAt).toLocaleString()}`} data-testid="comment.edited">
            · edited
          </span>
        )}
      </div>

      {shown === 'edit' ? (
        <form onSubmit={save} className="mt-1.5 space-y-2" noValidate aria-label={moderating ? `Edit ${comment.author}’s comment` : 'Edit your comment'}>
          <label htmlFor={draftId} className="sr-only">
            Your comment
          </label>
          <textarea
            id={draftId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
            maxLength={COMMENT_TEXT_MAX + 50}
            className={`w-full rounded-md border bg-white px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-500 ${error ? 'border-red-500' : 'border-slate-300'}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${draftId}-error`}
            autoFocus
            data-testid="comment.edit-text"
          />
          <p id={`${draftId}-error`} className="text-xs text-red-700" role={error ? 'alert' : undefined} data-testid="comment.edit-error">
            {error}
          </p>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => {
                setMode('read');
                setDraft(null);
                setError(null);
              }}
              className="rounded-md px-2.5 py-1 text-sm font-medium text-slate-600 hover:bg-slate-200"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={busy}
              className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
              data-testid="comment.save"
            >
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      ) : (
        <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="comment.body">
          {comment.text}
        </p>
      )}

      {mayChange && shown === 'read' && (
        <div className="mt-1.5 flex gap-1">
          <button
            type="button"
            onClick={() => setMode('edit')}
            className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-200"
            data-testid="comment.edit"
          >
            <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit
          </button>
          <button
            type="button"
            onClick={() => setMode('confirm-delete')}
            className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-red-50 hover:text-red-700"
            data-testid="comment.delete"
          >
            <Trash2 aria-hidden className="h-3.5 w-3.5" /> Delete
          </button>
        </div>
      )}

      {shown === 'confirm-delete' && (
        <div
          className="mt-1.5 flex flex-wrap items-center gap-2 text-sm"
          role="group"
          aria-label={moderating ? `Confirm deleting ${comment.author}’s comment` : 'Confirm deleting your comment'}
        >
          <span className="text-slate-700">{moderating ? `Delete ${comment.author}’s comment for everyone?` : 'Delete this comment?'}</span>
          <button
            type="button"
            onClick={remove}
            disabled={busy}
            className="rounded-md bg-red-700 px-2.5 py-0.5 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            data-testid="comment.confirm-delete"
          >
            Yes, delete
          </button>
          <button
            type="button"
            onClick={() => setMode('read')}
            disabled={busy}
            className="rounded-md px-2.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-200"
            autoFocus
            data-testid="comment.cancel-delete"
          >
            No, keep it
          </button>
        </div>
      )}
    </li>
  );
}
