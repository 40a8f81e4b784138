'use client';

import { Users } from 'lucide-react';
import { browserKey } from '@/lib/api-client/identity';
import { ConnectionStatus } from './connection-status';
import { useMapStore } from '@/components/map-store/map-store';

const MAX_SHOWN = 4;

/** Who is on the map now: initials for the first few, a count for the rest, the full list on hover. */
export function PresenceList() {
  const presence = useMapStore((s) => s.presence);
  const live = useMapStore((s) => s.connection === 'online');
  const me = typeof window === 'undefined' ? '' : browserKey();
  // Offline, who is here is not known: the list shows again when the stream is back.
  const others = live ? presence.filter((p) => p.clientId !== me) : [];
  const names = others.map((p) => p.name || 'Someone');
  const title = live
    ? others.length === 0
      ? 'Live: changes by others appear here as they happen. Nobody else is on this map right now.'
      : `Also here: ${names.join(', ')}`
    : 'Not connected to live updates: reconnecting…';
  return (
    <div className="flex items-center gap-2" title={title} data-testid="map.presence" data-live={live} role="group" aria-label={title}>
      <ConnectionStatus />
      {others.length > 0 && (
        <div className="flex -space-x-2">
          {names.slice(0, MAX_SHOWN).map((name, i) => (
            <span
              key={`${name}-${i}`}
              className="grid h-7 w-7 place-items-center rounded-full border-2 border-white bg-indigo-100 text-[11px] font-bold text-indigo-800"
              data-testid="map.presence-person"
            >
              {initials(name)}
            </span>
          ))}
          {others.length > MAX_SHOWN && (
            <span className="grid h-7 w-7 place-items-center rounded-full border-2 border-white bg-slate-200 text-[11px] font-bold text-slate-700">
              +{others.length - MAX_SHOWN}
            </span>
          )}
        </div>
      )}
      {others.length === 0 && live && <Users aria-hidden className="hidden h-4 w-4 text-slate-300 lg:block" />}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}
