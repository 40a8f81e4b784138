import Link from 'next/link';
import { Archive, Clock, FileText, MessageSquareWarning, Network } from 'lucide-react';
import type { HomeDocument, HomeMap } from '@/lib/db/home';
import { MapActions } from './map-actions';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat('en');

interface DocumentListProps {
  documents: HomeDocument[];
  /** Archived maps are drawn quieter, with Restore beside the menu. */
  archived?: boolean;
  testId: string;
}

/** Documents, each with the maps made of it: what the essay is, then one card per map. */
export function DocumentList({ documents, archived = false, testId }: DocumentListProps) {
  return (
    <ul className="grid gap-6" data-testid={testId}>
      {documents.map((d) => (
        <li key={d.slug} data-testid="home.document" aria-label={`Essay: ${d.title}`}>
          <div className="mb-2 flex gap-2 px-1 text-slate-600">
            <FileText aria-hidden className="mt-1 h-4 w-4 shrink-0 text-slate-400" />
            <p className="min-w-0 [overflow-wrap:anywhere]">
              <cite className="font-medium not-italic text-slate-800">{d.title}</cite>
              {d.author && <> — {d.author}</>}
              {d.source && (
                <>
                  {d.author ? ', ' : ' — '}
                  {d.source}
                </>
              )}
              <span className="whitespace-nowrap text-sm text-slate-500">
                {' '}
                · {d.words > 0 ? `${numberFormat.format(d.words)} word${d.words === 1 ? '' : 's'}` : 'no essay text (imported)'}
              </span>
            </p>
          </div>
          <ul className="grid gap-3" data-testid={archived ? undefined : 'home.maps'}>
            {d.maps.map((m) => (
              <MapCard key={m.slug} map={m} archived={archived} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** One map: its name links to it; the numbers say how far along it is; the menu renames and archives. */
function MapCard({ map, archived }: { map: HomeMap; archived: boolean }) {
  return (
    <li
      className={`group relative flex items-center gap-4 rounded-xl border p-4 shadow-sm transition sm:gap-5 sm:p-5 ${
        archived ? 'border-slate-200 bg-slate-50' : 'border-slate-200 bg-white hover:border-indigo-300 hover:shadow-md'
      }`}
      data-testid="home.map"
      data-slug={map.slug}
    >
      <div
        className={`hidden h-12 w-12 shrink-0 place-items-center rounded-lg sm:grid ${archived ? 'bg-slate-200 text-slate-500' : 'bg-indigo-50 text-indigo-700'}`}
      >
        {archived ? <Archive aria-hidden className="h-6 w-6" /> : <Network aria-hidden className="h-6 w-6" />}
      </div>
      <div className="min-w-0 flex-1">
        <h3 className="text-lg font-semibold leading-snug text-slate-900 [overflow-wrap:anywhere]">
          {/* The whole card is the link's target area; the menu sits above it. */}
          <Link href={`/maps/${map.slug}`} className="after:absolute after:inset-0 after:rounded-xl group-hover:text-indigo-700" data-testid="home.map-link">
            {map.title}
          </Link>
          {archived && (
            <span className="ml-2 whitespace-nowrap rounded-full bg-slate-200 px-2 py-0.5 align-middle text-xs font-medium text-slate-700 [overflow-wrap:normal]">
              Archived
            </span>
          )}
        </h3>
        <p className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          <span className="inline-flex items-center gap-1.5" data-testid="home.map-nodes">
            <Network aria-hidden className="h-4 w-4 text-slate-400" /> {map.nodeCount} {map.nodeCount === 1 ? 'point' : 'points'}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <MessageSquareWarning aria-hidden className="h-4 w-4 text-slate-400" /> {map.objectionCount} {map.objectionCount === 1 ? 'objection' : 'objections'}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <Clock aria-hidden className="h-4 w-4 shrink-0 text-slate-400" />
            <span>
              Last activity <time dateTime={map.lastActivity}>{dateFormat.format(new Date(map.lastActivity))}</time>
            </span>
          </span>
        </p>
      </div>
      {map.canManage && (
        <div className="relative z-10">
          <MapActions slug={map.slug} title={map.title} archived={archived} />
        </div>
      )}
    </li>
  );
}
