'use client';

import { PencilLine } from 'lucide-react';
import { draftNoun, unsentDrafts, useMapStore } from '@/components/map-store/map-store';
import { shorten } from '@/lib/argument/text';
import { can } from '@/lib/auth/permissions';

/**
 * "You have an unsent objection here — Resume / Discard": the drafts typed on the selected point (or
 * step) in a composer that was closed without sending (Escape, another action opened, history
 * shown). Resume reopens that composer with its words; Discard drops them.
 */
export function DraftOffer() {
  const selection = useMapStore((s) => s.selection);
  const composer = useMapStore((s) => s.composer);
  const drafts = useMapStore((s) => s.drafts);
  const draftSources = useMapStore((s) => s.draftSources);
  const openComposer = useMapStore((s) => s.openComposer);
  const setDraft = useMapStore((s) => s.setDraft);
  const readOnly = useMapStore((s) => s.history?.at != null);
  // A viewer (or a student made one by the teacher) could not send it: nothing to offer.
  const mayWrite = useMapStore((s) => can(s.view.viewer.role, 'add'));
  if (!selection || composer || readOnly || !mayWrite) return null;
  const here = unsentDrafts({ drafts, draftSources }).filter((key) => draftSources[key]?.selection.id === selection.id);
  if (here.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Unsent drafts">
      {here.map((key) => (
        <li key={key} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="drafts.offer">
          <p className="flex items-center gap-1.5 font-semibold">
            <PencilLine aria-hidden className="h-4 w-4 shrink-0 text-amber-700" />
            You have an unsent {draftNoun(key)} here
          </p>
          <p className="mt-1 text-slate-700">“{shorten(drafts[key].trim(), 120)}”</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              onClick={() => openComposer(draftSources[key].composer)}
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white shadow-sm hover:bg-indigo-700"
              data-testid="drafts.resume"
            >
              Resume
            </button>
            <button
              type="button"
              onClick={() => setDraft(key, null)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
              data-testid="drafts.discard"
            >
              Discard
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
