'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { FileUp } from 'lucide-react';
import { ModalActions, ModalContent } from '@/components/ui/modal';
import { ApiError } from '@/lib/api-client/errors';
import { importMap } from '@/lib/api-client/new-maps';
import { FormAlert } from '@/components/ui/form-alert';

type Format = 'aif' | 'argdown';

/** Guesses the format from a file name: `.argdown`/`.ad` is Argdown, `.json` is AIF. */
function formatOf(fileName: string): Format | null {
  if (/\.(argdown|ad)$/i.test(fileName)) return 'argdown';
  if (/\.json$/i.test(fileName)) return 'aif';
  return null;
}

/** "Import a map": an AIF (AIFdb, OVA, Araucaria) or Argdown file becomes a new map. */
export function ImportDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('argdown');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const contentId = useId();

  async function onFile(file: File | undefined) {
    if (!file) return;
    const guessed = formatOf(file.name);
    if (guessed) setFormat(guessed);
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' '));
    setContent(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: string[] = [];
    if (!title.trim()) problems.push('Give the map a title.');
    if (!content.trim()) problems.push('Choose a file or paste its contents.');
    if (problems.length > 0) {
      setError({ message: 'Not yet:', details: problems });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { map } = await importMap({ format, title: title.trim(), content });
      setOpen(false);
      router.push(`/maps/${map.slug}`);
    } catch (e) {
      const details =
        e instanceof ApiError
          ? e.issues.map((i) => (['', 'content', 'file'].includes(i.path.join('.')) ? i.message : `${i.path.join('.')}: ${i.message}`))
          : [];
      setError({ message: e instanceof Error ? e.message : 'The import failed.', details });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="inline-flex items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        data-testid="home.import"
      >
        <FileUp aria-hidden className="h-4 w-4" /> Import a map
      </Dialog.Trigger>
      <ModalContent className="w-[560px]">
        <Dialog.Title className="text-lg font-semibold">Import a map</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          From Argdown (<code>.argdown</code>) or the Argument Interchange Format used by AIFdb, OVA and Araucaria (<code>.json</code>). Kinds are guessed from
          the structure; you can change them afterwards.
        </Dialog.Description>
        <form onSubmit={submit} className="mt-4 space-y-4" noValidate data-testid="import.form">
          <fieldset className="flex gap-4 text-sm">
            <legend className="mb-1 font-medium text-slate-700">Format</legend>
            {(['argdown', 'aif'] as const).map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="accent-indigo-600" />
                {f === 'argdown' ? 'Argdown' : 'AIF (JSON)'}
              </label>
            ))}
          </fieldset>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">File</span>
            <input
              type="file"
              accept=".argdown,.ad,.json,.txt,application/json,text/plain"
              onChange={(e) => void onFile(e.target.files?.[0])}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-medium file:text-indigo-700"
              data-testid="import.file"
            />
          </label>
          <div>
            <label htmlFor={contentId} className="mb-1 block text-sm font-medium text-slate-700">
              …or paste it
            </label>
            <textarea
              id={contentId}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={6}
              className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              data-testid="import.content"
            />
          </div>
          <div>
            <label htmlFor={titleId} className="mb-1 block text-sm font-medium text-slate-700">
              Title
            </label>
            <input
              id={titleId}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              className="w-full rounded-md border border-slate-300 px-3 py-2"
              data-testid="import.title"
            />
          </div>
          {error && (
            <FormAlert as="div" testId="import.error">
              <p className="font-medium">{error.message}</p>
              {error.details.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {error.details.slice(0, 8).map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )}
            </FormAlert>
          )}
          <ModalActions busy={busy} label="Import" busyLabel="Importing…" testId="import.submit" />
        </form>
      </ModalContent>
    </Dialog.Root>
  );
}
