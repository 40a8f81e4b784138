'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Dialog, DropdownMenu } from 'radix-ui';
import { Archive, ArchiveRestore, MoreHorizontal, Pencil } from 'lucide-react';
import { ModalActions, ModalContent } from '@/components/ui/modal';
import { ApiError } from '@/lib/api-client/errors';
import { updateMap } from '@/lib/api-client/maps';
import { mapUpdateSchema } from '@/lib/validation/documents';
import { MAP_TITLE_MAX } from '@/lib/validation/limits';

interface MapActionsProps {
  slug: string;
  title: string;
  archived: boolean;
}

const itemClass =
  'flex cursor-default select-none items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900';

/**
 * The menu on a map card: rename (a dialog) and archive or restore. Each change goes to
 * `PATCH /api/maps/{slug}`; the list refreshes when the server has it, and a refusal is shown.
 */
export function MapActions({ slug, title, archived }: MapActionsProps) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function setArchived(value: boolean) {
    setBusy(true);
    setError(null);
    try {
      await updateMap(slug, { archived: value });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        {archived && (
          <button
            type="button"
            onClick={() => void setArchived(false)}
            disabled={busy}
            className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium sm:px-3 text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
            data-testid="home.map-restore"
          >
            <ArchiveRestore aria-hidden className="h-4 w-4" /> <span className="sr-only sm:not-sr-only">Restore</span>
          </button>
        )}
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="grid h-9 w-9 place-items-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800 data-[state=open]:bg-slate-100"
            aria-label={`Actions for “${title}”`}
            data-testid="home.map-menu"
          >
            <MoreHorizontal aria-hidden className="h-5 w-5" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
              <DropdownMenu.Item className={itemClass} onSelect={() => setRenaming(true)} data-testid="home.map-rename">
                <Pencil aria-hidden className="h-4 w-4" /> Rename…
              </DropdownMenu.Item>
              {archived ? (
                <DropdownMenu.Item className={itemClass} onSelect={() => void setArchived(false)} data-testid="home.map-restore-item">
                  <ArchiveRestore aria-hidden className="h-4 w-4" /> Restore
                </DropdownMenu.Item>
              ) : (
                <DropdownMenu.Item className={itemClass} onSelect={() => void setArchived(true)} data-testid="home.map-archive">
                  <Archive aria-hidden className="h-4 w-4" /> Archive
                </DropdownMenu.Item>
              )}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      {error && (
        <p role="alert" className="max-w-56 text-right text-sm text-red-700" data-testid="home.map-error">
          {error}
        </p>
      )}
      <RenameDialog slug={slug} title={title} open={renaming} onOpenChange={setRenaming} />
    </div>
  );
}

interface RenameDialogProps {
  slug: string;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** "Rename map": one field, checked with the server's schema, saved with PATCH. */
function RenameDialog({ slug, title, open, onOpenChange }: RenameDialogProps) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function change(next: boolean) {
    if (next) {
      setValue(title);
      setError(null);
    }
    onOpenChange(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = mapUpdateSchema.safeParse({ title: value });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Give the map a title.');
      return;
    }
    setBusy(true);
    try {
      await updateMap(slug, parsed.data);
      onOpenChange(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : 'The map could not be renamed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <ModalContent className="w-[480px]">
        <Dialog.Title className="text-lg font-semibold">Rename map</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          The new name shows on this list and on the map page. Its address stays the same.
        </Dialog.Description>
        <form onSubmit={submit} noValidate className="mt-4 space-y-4" data-testid="rename.form">
          <div>
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
              Title
            </label>
            <input
              id={id}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={MAP_TITLE_MAX + 50}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-400"
              data-testid="rename.title"
            />
            {error && (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="rename.error">
                {error}
              </p>
            )}
          </div>
          <ModalActions busy={busy} label="Save" busyLabel="Saving…" testId="rename.submit" />
        </form>
      </ModalContent>
    </Dialog.Root>
  );
}
