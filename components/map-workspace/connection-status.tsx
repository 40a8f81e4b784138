'use client';

import { Radio, RefreshCw, WifiOff } from 'lucide-react';
import { useMapStore } from './map-store';

/**
 * The header's word for the connection: "Live" while the stream is open, "Reconnecting…" right
 * after it dropped, "Offline — reconnecting" once the server could not be reached. Offline always
 * shows its word (an icon alone is easy to miss); Live shows it on wide headers.
 */
export function ConnectionStatus() {
  const connection = useMapStore((s) => s.connection);
  return (
    <span role="status" aria-live="polite" data-testid="map.connection" data-state={connection} className="inline-flex shrink-0">
      {connection === 'online' ? (
        <span className="inline-flex items-center gap-1 text-xs font-semibold text-emerald-700" title="Live: changes by others appear as they happen.">
          <Radio aria-hidden className="h-4 w-4" />
          <span className="hidden 2xl:inline">Live</span>
          <span className="sr-only 2xl:hidden">Live</span>
        </span>
      ) : connection === 'reconnecting' ? (
        <span className="inline-flex items-center gap-1 text-xs font-semibold text-slate-600" title="Connecting to live updates…">
          <RefreshCw aria-hidden className="h-4 w-4 motion-safe:animate-spin [animation-duration:2s]" />
          <span className="hidden 2xl:inline">Reconnecting…</span>
          <span className="sr-only 2xl:hidden">Reconnecting…</span>
        </span>
      ) : (
        <span
          className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300"
          title="The server cannot be reached. What is on screen stays readable, and unsent text is kept; this page reconnects by itself."
        >
          <WifiOff aria-hidden className="h-3.5 w-3.5" />
          Offline<span className="hidden xl:inline"> — reconnecting</span>
          <span className="sr-only xl:hidden"> — reconnecting</span>
        </span>
      )}
    </span>
  );
}
