'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FileText, FileUp, History, Loader2, X } from 'lucide-react';
import { createDocument } from '@/lib/api-client/new-maps';
import { ApiError, type ApiIssue } from '@/lib/api-client/errors';
import { documentCreateSchema, utf8Bytes } from '@/lib/validation/documents';
import { DOCUMENT_AUTHOR_MAX, DOCUMENT_SOURCE_MAX, ESSAY_TEXT_MAX_BYTES, MAP_TITLE_MAX } from '@/lib/validation/limits';
import { useLeaveGuard } from '@/components/ui/use-leave-guard';
import { ESSAY_FILE_ACCEPT, readEssayFile, sizeLine, titleFromFileName } from './essay-file';
import { clearNewMapDraft, hasWords, keepNewMapDraft, storedNewMapDraft, type NewMapDraft } from './new-map-draft';
import { FormAlert } from '@/components/ui/form-alert';

type Field = 'title' | 'author' | 'source' | 'published' | 'text' | 'file' | 'form';
type FormErrors = Partial<Record<Field, string>>;

/** The first message per field of the API's (or the schema's) issues; anything unplaced goes to the form. */
function errorsFrom(issues: ApiIssue[], fallback?: string): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    const field: Field = key === 'title' || key === 'author' || key === 'source' || key === 'published' || key === 'text' ? key : 'form';
    errors[field] ??= issue.message;
  }
  if (Object.keys(errors).length === 0 && fallback) errors.form = fallback;
  return errors;
}

/**
 * "New map from an essay": title, author, source and the essay — pasted, or read in the browser
 * from a .txt/.md file. The same schema as the server checks it before anything is sent; the
 * server's refusals come back inline, per field. On success the new, empty map opens.
 *
 * What is typed is kept in the tab's session storage (`new-map-draft.ts`) until the map is made, so
 * a reload, Back/Forward or a failed send loses nothing; leaving with unsent words asks first.
 */
export function NewMapForm() {
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [source, setSource] = useState('');
  const [published, setPublished] = useState('');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const bytes = utf8Bytes(text);
  const over = bytes > ESSAY_TEXT_MAX_BYTES;
  /** `null` until the kept draft (if any) is read after hydration; then whether one was restored. */
  const [restored, setRestored] = useState<boolean | null>(null);
  const created = useRef(false);
  const fields: NewMapDraft = { title, author, source, published, text, fileName };

  // Read after hydration (the server renders the empty form), then kept on every change.
  useEffect(() => {
    const kept = storedNewMapDraft();
    /* eslint-disable react-hooks/set-state-in-effect -- session storage exists only in the browser, after hydration */
    if (kept) {
      setTitle(kept.title);
      setAuthor(kept.author);
      setSource(kept.source);
      setPublished(kept.published);
      setText(kept.text);
      setFileName(kept.fileName);
    }
    setRestored(kept !== null);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);
  useEffect(() => {
    if (restored !== null && !created.current) keepNewMapDraft({ title, author, source, published, text, fileName });
  }, [restored, title, author, source, published, text, fileName]);
  useLeaveGuard(() =>
    !created.current && hasWords(fields) ? 'Your new map is not made yet. Leave this page? What you typed is kept in this tab for when you come back.' : null,
  );

  function startOver() {
    setTitle('');
    setAuthor('');
    setSource('');
    setPublished('');
    clearFile();
    setErrors({});
    setRestored(false);
    clearNewMapDraft();
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    const result = await readEssayFile(file);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setErrors((e) => ({ ...e, file: result.message }));
      return;
    }
    setErrors((e) => ({ ...e, file: undefined, text: undefined }));
    setText(result.text);
    setFileName(result.name);
    if (!title.trim()) setTitle(titleFromFileName(result.name).slice(0, MAP_TITLE_MAX));
  }

  function clearFile() {
    setText('');
    setFileName(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { title, text, ...(author.trim() ? { author } : {}), ...(source.trim() ? { source } : {}), ...(published ? { published } : {}) };
    const parsed = documentCreateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(errorsFrom(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }))));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const made = await createDocument(parsed.data);
      created.current = true;
      clearNewMapDraft();
      router.push(`/maps/${made.map.slug}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The map could not be created. Try again.';
      setErrors(error instanceof ApiError ? errorsFrom(error.issues, message) : { form: message });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="new-map.form">
      {restored && hasWords(fields) && (
        <div
          className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950"
          role="status"
          data-testid="new-map.restored"
        >
          <History aria-hidden className="h-4 w-4 shrink-0 text-indigo-600" />
          <p className="min-w-0 flex-1">What you typed here earlier is back. Nothing is saved until you create the map.</p>
          <button
            type="button"
            onClick={startOver}
            className="rounded-md border border-indigo-200 bg-white px-3 py-1 font-medium text-indigo-800 hover:bg-indigo-100"
            data-testid="new-map.start-over"
          >
            Start over
          </button>
        </div>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">About the essay</h2>
        <div className="mt-4 space-y-4">
          <TextField
            id={`${id}-title`}
            label="Title"
            required
            value={title}
            onChange={setTitle}
            max={MAP_TITLE_MAX}
            error={errors.title}
            testId="new-map.title"
            placeholder="e.g. Why Our Town Needs a Library"
          />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1.4fr_auto]">
            <TextField
              id={`${id}-author`}
              label="Author"
              value={author}
              onChange={setAuthor}
              max={DOCUMENT_AUTHOR_MAX}
              error={errors.author}
              testId="new-map.author"
              placeholder="e.g. Jane Roe"
              hint="Optional"
            />
            <TextField
              id={`${id}-source`}
              label="Source"
              value={source}
              onChange={setSource}
              max={DOCUMENT_SOURCE_MAX}
              error={errors.source}
              testId="new-map.source"
              placeholder="e.g. The Daily Courier, 2024"
              hint="Optional — where it was published, or a link"
            />
            <TextField
              id={`${id}-published`}
              label="Published"
              type="month"
              value={published}
              onChange={setPublished}
              max={7}
              error={errors.published}
              testId="new-map.published"
              hint="Optional — month and year; a class can judge the essay as of then"
            />
          </div>
        </div>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">The essay</h2>
          <p className="text-sm text-slate-500">Plain text or Markdown, up to 200 KB. It is kept exactly as you give it.</p>
        </div>

        <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
          <FileUp aria-hidden className="h-6 w-6 shrink-0 text-indigo-600" />
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-file`} className="font-medium text-slate-800">
              Upload a file
            </label>
            <p className="text-sm text-slate-600">A .txt or .md file is read here in your browser, then shown below to check.</p>
          </div>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept={ESSAY_FILE_ACCEPT}
            onChange={(e) => void onFile(e.target.files?.[0])}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? `${id}-file-error` : undefined}
            // The visible "Choose a file…" button opens it; one tab stop, not two.
            tabIndex={-1}
            className="sr-only"
            data-testid="new-map.file"
          />
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            className="inline-flex w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 sm:w-auto"
            data-testid="new-map.choose-file"
          >
            Choose a file…
          </button>
          {errors.file && (
            <p id={`${id}-file-error`} role="alert" className="basis-full text-sm text-red-700" data-testid="new-map.file-error">
              {errors.file}
            </p>
          )}
        </div>

        <div className="mt-4">
          <div className="mb-1 flex items-center justify-between gap-2">
            <label htmlFor={`${id}-text`} className="font-medium text-slate-800">
              {fileName ? 'Text of the file' : '…or paste the text'}{' '}
              <span className="text-red-700" aria-hidden>
                *
              </span>
            </label>
            {fileName && (
              <span
                className="inline-flex min-w-0 items-center gap-1.5 rounded-full bg-indigo-50 px-2.5 py-0.5 text-sm text-indigo-800"
                data-testid="new-map.file-name"
              >
                <FileText aria-hidden className="h-3.5 w-3.5 shrink-0" />
                <span className="truncate">{fileName}</span>
                <button type="button" onClick={clearFile} className="rounded p-0.5 hover:bg-indigo-100" aria-label={`Remove ${fileName}`}>
                  <X aria-hidden className="h-3.5 w-3.5" />
                </button>
              </span>
            )}
          </div>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            aria-required
            aria-invalid={errors.text || over ? true : undefined}
            aria-describedby={`${id}-text-size${errors.text ? ` ${id}-text-error` : ''}`}
            placeholder={'Paste the essay here. Leave a blank line between paragraphs.'}
            className="w-full rounded-md border border-slate-300 px-3 py-2 font-serif text-base leading-relaxed aria-[invalid=true]:border-red-400"
            data-testid="new-map.text"
          />
          <div className="mt-1 flex flex-wrap justify-between gap-2 text-sm">
            {errors.text ? (
              <p id={`${id}-text-error`} className="text-red-700" data-testid="new-map.text-error">
                {errors.text}
              </p>
            ) : (
              <span />
            )}
            <p id={`${id}-text-size`} className={over ? 'font-medium text-red-700' : 'text-slate-500'} data-testid="new-map.size">
              {sizeLine(bytes)}
            </p>
          </div>
        </div>
      </section>

      {errors.form && <FormAlert testId="new-map.error">{errors.form}</FormAlert>}

      <div className="flex flex-wrap items-center justify-end gap-3">
        <Link href="/" className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
          Cancel
        </Link>
        <button
          type="submit"
          disabled={busy}
          className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
          data-testid="new-map.submit"
        >
          {busy && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
          {busy ? 'Creating the map…' : 'Create the map'}
        </button>
      </div>
    </form>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string;
  testId: string;
  placeholder?: string;
  hint?: ReactNode;
  required?: boolean;
  /** The input type: text (default), or month for a YYYY-MM date. */
  type?: 'text' | 'month';
}

/** A labelled one-line input with its hint or its error underneath. */
function TextField({ id, label, value, onChange, max, error, testId, placeholder, hint, required, type }: TextFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium text-slate-800">
        {label}{' '}
        {required && (
          <span className="text-red-700" aria-hidden>
            *
          </span>
        )}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={max + 50}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        placeholder={placeholder}
        className="w-full rounded-md border border-slate-300 px-3 py-2 placeholder:text-slate-400 aria-[invalid=true]:border-red-400"
        data-testid={testId}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
