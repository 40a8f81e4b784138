'use client';

import { useContext, useEffect } from 'react';
import { applyPresenceChange, type PresentPerson } from '@/lib/http/presence-protocol';
import { browserKey, rememberedName } from './api-client';
import { MapStoreContext } from './map-store';

/** The newest view is fetched at most this often while others are busy (a class of 30 writing at once). */
const REFRESH_THROTTLE_MS = 300;

interface ChangeEvent {
  id: number;
  type: string;
  actor: string;
  clientId: string;
  data: { node?: { id: string; author: string } };
}

/**
 * Subscribes the workspace to the map's event stream: changes by others refresh the map (and new
 * points are highlighted with their author's name), presence updates the list of who is here.
 * The browser's EventSource reconnects by itself and resumes from the last event id it saw.
 */
export function useLiveUpdates() {
  const store = useContext(MapStoreContext);
  useEffect(() => {
    if (!store) return;
    const { view } = store.getState();
    const params = new URLSearchParams({ after: String(view.lastEventId), client: browserKey(), name: rememberedName() });
    const source = new EventSource(`/api/maps/${encodeURIComponent(view.map.slug)}/events?${params}`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    const refreshSoon = () => {
      if (timer) {
        pending = true;
        return;
      }
      void store.getState().refresh().catch(() => undefined);
      timer = setTimeout(() => {
        timer = null;
        if (pending) {
          pending = false;
          refreshSoon();
        }
      }, REFRESH_THROTTLE_MS);
    };
    source.addEventListener('open', () => store.getState().setLive(true));
    source.addEventListener('error', () => store.getState().setLive(false));
    source.addEventListener('change', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
      const own = event.clientId !== '' && event.clientId === browserKey();
      // Our own points are already shown; our own comments and votes still change the counts on cards.
      if (own && !event.type.startsWith('comment.') && event.type !== 'vote.cast') return;
      if (!own && event.type === 'node.created' && event.data.node) store.getState().highlight(event.data.node.id, event.actor || event.data.node.author);
      refreshSoon();
    });
    // The whole list once per connection, then one change at a time.
    source.addEventListener('presence', (message) => {
      store.getState().setPresence(JSON.parse((message as MessageEvent<string>).data) as PresentPerson[]);
    });
    for (const type of ['joined', 'left'] as const) {
      source.addEventListener(`presence-${type}`, (message) => {
        const person = JSON.parse((message as MessageEvent<string>).data) as PresentPerson;
        store.getState().setPresence(applyPresenceChange(store.getState().presence, { type, person }));
      });
    }
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}
