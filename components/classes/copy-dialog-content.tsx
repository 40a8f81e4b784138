'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DialogParts from '@/components/ui/popups/dialog';
import { copyMap } from '@/lib/api-client/classes';
import { ApiError } from '@/lib/api-client/errors';
import { DEFERRED } from '@/components/map-store/deferred';
import { useMapStore } from '@/components/map-store/map-store';
import { FormAlert } from '@/components/ui/form-alert';

/**
 * The "Copy for a class" dialog itself (`CopyDialog` draws its button until this loads, with Radix's
 * Dialog: `DEFERRED.copyDialog`): the copy's title and class, and the copy made.
 */
export function CopyPopup({
  radix: { Dialog, ModalActions, ModalContent },
  popup,
  open,
  onOpenChange,
}: {
  radix: typeof DialogParts;
  popup: LoadedPopup;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const view = useMapStore((s) => s.view);
  const [title, setTitle] = useState(`${view.map.title} — class copy`);
  const [classLabel, setClassLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const classId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The schema (and zod with it) loads once the map page is idle; offline it may not be there yet.
    const schemas = await DEFERRED.classSchemas.load().catch((e: ApiError) => setError(e.message));
    if (!schemas) return;
    const { copySchema } = schemas;
    const parsed = copySchema.safeParse({ title, className: classLabel || undefined });
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    setBusy(true);
    try {
      const { map } = await copyMap(view.map.slug, parsed.data);
      router.push(`/maps/${map.slug}?share=1`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The copy could not be made.');
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger {...popup.trigger} />
      <ModalContent className="w-[480px]">
        <Dialog.Title className="text-lg font-semibold">Copy this map for a class</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          You will own the copy. Students join with an invite link or code and add their points under their names; this map stays as it is.
        </Dialog.Description>
        <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
          <div>
            <label htmlFor={titleId} className="mb-1 block text-sm font-medium text-slate-700">
              Title
            </label>
            <input
              id={titleId}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              className="w-full rounded-md border border-slate-300 px-3 py-2"
              data-testid="copy.title"
            />
          </div>
          <div>
            <label htmlFor={classId} className="mb-1 block text-sm font-medium text-slate-700">
              Class <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id={classId}
              value={classLabel}
              onChange={(e) => setClassLabel(e.target.value)}
              placeholder="Period 3 — Global Politics"
              className="w-full rounded-md border border-slate-300 px-3 py-2"
              data-testid="copy.class"
            />
          </div>
          {error && <FormAlert>{error}</FormAlert>}
          <ModalActions busy={busy} label="Make the copy" busyLabel="Copying…" testId="copy.submit" />
        </form>
      </ModalContent>
    </Dialog.Root>
  );
}
