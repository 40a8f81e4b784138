'use client';

import { KIND_LABELS, type NodeKind } from '@/lib/argument/model';
import type { MapEvent } from '@/lib/argument/map-events';
import { shorten } from '@/lib/argument/text';
import { useContext, useEffect } from 'react';
import { can } from '@/lib/auth/permissions';
import { accessChangeMessage } from '@/lib/auth/role-words';
import { viewerAccessOfView, type ViewerAccess } from '@/lib/protocol/access-protocol';
import { applyPresenceChange, type PresentPerson } from '@/lib/protocol/presence-protocol';
import { browserKey, rememberedName } from '@/lib/api-client/identity';
import { onServerReach } from '@/lib/api-client/request';
import { eventsUrl } from '@/lib/api-client/live';
import { openLiveConnection, type EventSourceLike } from '@/components/map-store/live-connection';
import { MapStoreContext } from '@/components/map-store/map-store';

/** The newest view is fetched at most this often while others are busy (a class of 30 writing at once). */
const REFRESH_THROTTLE_MS = 300;

/**
 * Subscribes the workspace to the map's event stream: changes by others refresh the map (and new
 * points are highlighted with their author's name), presence updates the list of who is here, and
 * a change to this viewer's own access (role, name, the map's policy) replaces the store's viewer
 * at once, so every role-gated control follows, and says what changed; access lost closes the stream.
 * The stream is kept open through outages (`openLiveConnection`: the browser's own reconnects, then
 * a capped backoff once it gives up), and the store's `connection` follows the stream, failed API
 * requests and the browser's online/offline events; when the stream is back the view is refreshed once.
 */
export function useLiveUpdates() {
  const store = useContext(MapStoreContext);
  useEffect(() => {
    if (!store) return;
    const { view } = store.getState();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    const refreshSoon = () => {
      if (timer) {
        pending = true;
        return;
      }
      void store
        .getState()
        .refresh()
        .catch(() => undefined);
      timer = setTimeout(() => {
        timer = null;
        if (pending) {
          pending = false;
          refreshSoon();
        }
      }, REFRESH_THROTTLE_MS);
    };
    // Added to every stream the connection opens.
    const attach = (source: EventSourceLike) => {
      source.addEventListener('change', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as MapEvent;
        const own = event.clientId !== '' && event.clientId === browserKey();
        if (event.type === 'tasks.updated') store.getState().noteTasksChanged();
        // Our own points are already shown; our own comments and votes still change the counts on cards.
        if (own && !event.type.startsWith('comment.') && event.type !== 'vote.cast') return;
        if (!own && event.type === 'node.created') {
          const { node } = event.data;
          const who = event.actor || node.author || 'Someone';
          store.getState().highlight(node.id, who);
          // Following someone's work is one click: "Show" opens the folds over the new point and brings it into view.
          store.getState().notify({ tone: 'info', message: addedMessage(who, node.kind, node.text), show: { type: 'node', id: node.id } });
        }
        refreshSoon();
      });
      // The whole list once per connection, then one change at a time.
      source.addEventListener('presence', (message) => {
        store.getState().setPresence(JSON.parse((message as MessageEvent<string>).data) as PresentPerson[]);
      });
      // Sent when the stream opens and whenever the server finds this viewer's access changed.
      source.addEventListener('access', (message) => {
        const access = JSON.parse((message as MessageEvent<string>).data) as ViewerAccess;
        const state = store.getState();
        const before = viewerAccessOfView(state.liveView ?? state.view);
        if (!state.applyAccess(access)) return;
        const told = accessChangeMessage(before, access);
        if (told) state.notify(told);
        if (!can(access.role, 'view')) {
          // The server has ended the stream and would refuse it again: stop asking.
          connection.close();
          return;
        }
        // Which points are this viewer's own follows the identity: read the view again.
        refreshSoon();
      });
      for (const type of ['joined', 'left'] as const) {
        source.addEventListener(`presence-${type}`, (message) => {
          const person = JSON.parse((message as MessageEvent<string>).data) as PresentPerson;
          store.getState().setPresence(applyPresenceChange(store.getState().presence, { type, person }));
        });
      }
    };
    const connection = openLiveConnection({
      url: (after) => eventsUrl(view.map.slug, { after, client: browserKey(), name: rememberedName() }),
      after: view.lastEventId,
      open: (url) => new EventSource(url),
      attach,
      onState: (state) => store.getState().setConnection(state),
      onRecovered: refreshSoon,
    });
    const stopReach = onServerReach(connection.reached);
    const online = () => connection.browserOnline(true);
    const offline = () => connection.browserOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      connection.close();
      stopReach();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}

/** "Jamal added an objection: “Grief is not policy.”" — what a notice says of someone else's new point. */
export function addedMessage(who: string, kind: string | undefined, text: string | undefined): string {
  const label = kind && kind in KIND_LABELS ? KIND_LABELS[kind as NodeKind].toLowerCase() : 'point';
  // "Evidence" takes no article ("added evidence"); the other kinds take a or an.
  const what = label === 'evidence' ? label : `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
  return `${who} added ${what}${text ? `: “${shorten(text, 70)}”` : ''}`;
}
