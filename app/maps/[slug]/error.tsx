'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { RotateCw, TriangleAlert, WifiOff } from 'lucide-react';
import { reconnectDelay } from '@/components/map-store/live-connection';
import { serverIsHealthy } from '@/lib/api-client/health';

/**
 * The map page's last resort, when something outside its panels failed (the panels have their own
 * boundaries). It never leaves the person stranded: while the server cannot be reached it says so
 * and asks the server again (`GET /api/health`) after a capped backoff, then shows the map again by itself.
 */
export default function MapError({ error, retry }: { error: unknown; retry: () => void }) {
  const [reachable, setReachable] = useState<boolean | null>(null);

  useEffect(() => {
    console.error('The map page failed:', error);
  }, [error]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const probe = async (attempt: number) => {
      const ok = await serverIsHealthy();
      if (stopped) return;
      setReachable(ok);
      // Back after an outage: show the map again. Reachable from the start: the fault is elsewhere, wait for a click.
      if (ok && attempt > 0) retry();
      else if (!ok) timer = setTimeout(() => void probe(attempt + 1), reconnectDelay(attempt));
    };
    void probe(0);
    const online = () => void probe(1);
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [retry]);

  const offline = reachable === false;
  const Icon = offline ? WifiOff : TriangleAlert;
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-50 px-6" data-testid="map.error">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" role="alert">
        <span className={`mx-auto grid h-12 w-12 place-items-center rounded-full ${offline ? 'bg-amber-100 text-amber-800' : 'bg-red-100 text-red-700'}`}>
          <Icon aria-hidden className="h-6 w-6" />
        </span>
        <h1 className="mt-4 text-lg font-semibold text-slate-900">{offline ? 'Offline — reconnecting' : 'This map could not be shown'}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {offline
            ? 'The server cannot be reached. The map comes back by itself as soon as the connection does.'
            : 'Something went wrong while drawing the map. Trying again usually helps.'}
        </p>
        <div className="mt-6 flex justify-center gap-2">
          <button
            type="button"
            onClick={() => retry()}
            className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
            data-testid="map.error-retry"
          >
            <RotateCw aria-hidden className="h-4 w-4" /> Try again
          </button>
          <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
            All maps
          </Link>
        </div>
      </div>
    </main>
  );
}
