'use client';

import { useContext, useEffect } from 'react';
import type { MapView } from '@/lib/argument/map-view';
import { useLeaveGuard } from '@/components/ui/use-leave-guard';
import { can } from '@/lib/auth/permissions';
import { draftNoun, MapStoreContext, storedOpenComposer, unsentDrafts, type DraftSource } from '@/components/map-store/map-store';

/**
 * Keeps the map page's unsent words from being lost (issue 11):
 *
 * - on opening the page — after a reload, Back/Forward, or coming back from another page of the
 *   app — the composer that was open reopens on its point with its draft (and the point is brought
 *   into view); drafts whose point has since gone are dropped;
 * - leaving the page while a draft holds words asks first (`useLeaveGuard`).
 */
export function useDraftRestore(): void {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error('useDraftRestore must be used inside <MapWorkspace>.');

  useEffect(() => {
    const state = store.getState();
    for (const [key, source] of Object.entries(state.draftSources)) {
      if (!stillThere(state.view, source)) state.setDraft(key, null);
    }
    // A role that may not add points (a student made viewer meanwhile) gets no composer back.
    if (state.composer || !can(state.view.viewer.role, 'add')) return;
    const open = storedOpenComposer(state.view.map.slug);
    const source = open ? store.getState().draftSources[open] : undefined;
    if (!open || !source || !unsentDrafts(store.getState()).includes(open)) return;
    state.select(source.selection, { focus: true });
    state.openComposer(source.composer);
  }, [store]);

  useLeaveGuard(() => leaveQuestion(unsentDrafts(store.getState())));
}

/** Whether a draft's composer could still be reopened: its target and its selection are on the map. */
function stillThere(view: MapView, source: DraftSource): boolean {
  const ids = [source.composer.targetId, source.selection.id];
  return ids.every((id) => view.nodes.some((n) => n.id === id) || view.inferences.some((i) => i.id === id));
}

/**
 * What to ask someone leaving with unsent drafts (by `draftKey`), or `null` when there are none.
 *
 * @example leaveQuestion(['composer.object:n1|']) // "Your objection is not sent yet. Leave this page? …"
 */
export function leaveQuestion(unsent: string[]): string | null {
  if (unsent.length === 0) return null;
  if (unsent.length === 1) return `Your ${draftNoun(unsent[0])} is not sent yet. Leave this page? It is kept in this tab for when you come back.`;
  return `${unsent.length} drafts are not sent yet. Leave this page? They are kept in this tab for when you come back.`;
}
