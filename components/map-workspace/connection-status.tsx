'use client';

import { Radio, RefreshCw, WifiOff } from 'lucide-react';
import { can } from '@/lib/auth/permissions';
import { useMapStore } from '@/components/map-store/map-store';

/**
 * The header's word for the connection: "Live" while the stream is open, "Reconnecting…" right
 * after it dropped, "Offline" once the server could not be reached (with {@link OfflineBanner}
 * under the header saying what that means). Words show from 1024 px; narrower headers keep the
 * icon, and the words for screen readers.
 */
export function ConnectionStatus() {
  const connection = useMapStore((s) => s.connection);
  // Access taken away: the stream is closed for good, and the header's "No access" says so.
  const shut = useMapStore((s) => !can(s.view.viewer.role, 'view'));
  if (shut) return null;
  return (
    <span role="status" aria-live="polite" data-testid="map.connection" data-state={connection} className="inline-flex shrink-0">
      {connection === 'online' ? (
        <span className="inline-flex items-center gap-1 text-xs font-semibold text-emerald-700" title="Live: changes by others appear as they happen.">
          <Radio aria-hidden className="h-4 w-4" />
          <span className="hidden lg:inline">Live</span>
          <span className="sr-only lg:hidden">Live</span>
        </span>
      ) : connection === 'reconnecting' ? (
        <span className="inline-flex items-center gap-1 text-xs font-semibold text-slate-600" title="Connecting to live updates…">
          <RefreshCw aria-hidden className="h-4 w-4 motion-safe:animate-spin [animation-duration:2s]" />
          <span className="hidden lg:inline">Reconnecting…</span>
          <span className="sr-only lg:hidden">Reconnecting…</span>
        </span>
      ) : (
        <span
          className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-amber-100 p-1 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300 xl:px-2.5"
          title="The server cannot be reached. What is on screen stays readable, and unsent text is kept; this page reconnects by itself."
        >
          <WifiOff aria-hidden className="h-3.5 w-3.5" />
          <span className="hidden xl:inline">Offline</span>
          <span className="sr-only xl:hidden">Offline</span>
          <span className="sr-only"> — reconnecting</span>
        </span>
      )}
    </span>
  );
}

/** A strip under the header while the server cannot be reached: what still works, and that the page reconnects by itself. */
export function OfflineBanner() {
  const offline = useMapStore((s) => s.connection === 'offline');
  if (!offline) return null;
  return (
    <div
      className="flex items-center justify-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-950"
      data-testid="map.offline-banner"
    >
      <WifiOff aria-hidden className="h-4 w-4 shrink-0 text-amber-800" />
      <p>
        <span className="font-semibold">Offline — reconnecting.</span>{' '}
        <span className="max-sm:hidden">The map stays readable, and anything you type is kept until it can be sent.</span>
      </p>
    </div>
  );
}
