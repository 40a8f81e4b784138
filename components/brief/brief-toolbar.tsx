import Link from 'next/link';
import { ArrowLeft, Download } from 'lucide-react';
import { SIDES, SIDE_WORDING, type Side } from '@/lib/argument/brief';
import { briefUrl } from '@/lib/api-client/downloads';
import { PrintButton } from './print-button';

interface BriefToolbarProps {
  slug: string;
  side: Side;
  /** The month the brief is judged as of, kept by the side links and the download; null: today. */
  asOf: string | null;
}

const BUTTON_BASE = 'inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm font-medium shadow-sm sm:px-3';
const BUTTON = `${BUTTON_BASE} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const PRIMARY = `${BUTTON_BASE} border-slate-900 bg-slate-900 text-white hover:bg-slate-700`;

/** The brief's controls — back to the map, the side, Download, Print. Hidden on paper. */
export function BriefToolbar({ slug, side, asOf }: BriefToolbarProps) {
  const base = `/maps/${encodeURIComponent(slug)}`;
  const judged = asOf ? `&asOf=${asOf}` : '';
  return (
    <nav
      aria-label="Brief"
      className="brief-chrome sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur print:hidden"
      data-testid="brief.toolbar"
    >
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-3 py-2.5 sm:px-6">
        <Link
          href={asOf ? `${base}?asOf=${asOf}` : base}
          aria-label="Back to the map"
          className="inline-flex shrink-0 items-center gap-1.5 rounded text-sm font-medium text-indigo-700 hover:underline"
          data-testid="brief.back"
        >
          <ArrowLeft aria-hidden className="h-4 w-4" /> <span className="hidden sm:inline">Back to the</span> map
        </Link>
        <div className="flex items-center gap-1.5 sm:gap-2">
          <div role="group" aria-label="Side" className="inline-flex rounded-lg bg-slate-100 p-0.5" data-testid="brief.side-toggle">
            {SIDES.map((s) => (
              <Link
                key={s}
                href={`${base}/brief?side=${s}${judged}`}
                aria-current={s === side ? 'page' : undefined}
                className={`rounded-md px-2.5 py-1 sm:px-3 text-sm font-medium ${s === side ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200' : 'text-slate-600 hover:text-slate-900'}`}
                data-testid={`brief.side.${s}`}
              >
                {SIDE_WORDING[s].label}
              </Link>
            ))}
          </div>
          <a
            href={briefUrl(slug, { side, asOf })}
            download
            className={BUTTON}
            aria-label="Download as Markdown"
            title="Download as Markdown (.md)"
            data-testid="brief.download"
          >
            <Download aria-hidden className="h-4 w-4" /> <span className="hidden sm:inline">Markdown</span>
          </a>
          <PrintButton className={PRIMARY} />
        </div>
      </div>
    </nav>
  );
}
