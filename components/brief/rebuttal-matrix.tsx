import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { MatrixRow } from '@/lib/argument/brief';
import { PointFacts, PointReference } from './brief-point';

interface RebuttalMatrixProps {
  rows: MatrixRow[];
  /** "Their point", "Our point" headings. */
  theirLabel: string;
  empty: string;
}

const COLUMNS = 'md:grid md:grid-cols-[1.2fr_1fr_1.2fr] md:gap-5 print:grid print:grid-cols-[1.2fr_1fr_1.2fr] print:gap-4';

/**
 * Every opposing point that attacks one of ours, with our answers or marked **Unanswered**: three
 * columns on a wide screen and on paper, stacked with their headings on a phone.
 */
export function RebuttalMatrix({ rows, theirLabel, empty }: RebuttalMatrixProps) {
  if (rows.length === 0) return <p className="rounded-lg bg-slate-50 px-4 py-3 text-slate-600">{empty}</p>;
  const unanswered = rows.filter((r) => !r.answered).length;
  return (
    <div data-testid="brief.matrix">
      <p className="mb-3 text-sm text-slate-600">
        {rows.length} {rows.length === 1 ? 'point attacks' : 'points attack'} ours;{' '}
        <strong className="font-semibold text-slate-900">
          {unanswered === 0 ? 'every one is answered' : `${unanswered} ${unanswered === 1 ? 'is' : 'are'} unanswered`}
        </strong>
        .
      </p>
      <div role="table" aria-label="Rebuttal matrix" className="text-sm">
        <div
          role="rowgroup"
          className="hidden border-b-2 border-slate-900 pb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500 md:block print:block"
        >
          <div role="row" className={COLUMNS}>
            <span role="columnheader">{theirLabel}</span>
            <span role="columnheader">Against our point</span>
            <span role="columnheader">Our response</span>
          </div>
        </div>
        <div role="rowgroup">
          {rows.map((row) => (
            <div
              role="row"
              key={row.opposing.id}
              className={`brief-row border-b border-slate-200 py-3 ${COLUMNS}`}
              data-testid="brief.matrix-row"
              data-node-id={row.opposing.id}
              data-answered={row.answered}
            >
              <div role="cell">
                <MobileLabel>{theirLabel}</MobileLabel>
                <PointFacts point={row.opposing} />
                <p className="mt-1 font-serif text-[0.95rem] leading-snug text-slate-900">{row.opposing.text}</p>
              </div>
              <div role="cell" className="mt-2 md:mt-0 print:mt-0">
                <MobileLabel>Against our point</MobileLabel>
                <ul className="space-y-1.5">
                  {row.targets.map((t) => (
                    <li key={`${t.point.id}-${t.undercut}`}>
                      <PointReference point={t.point} prefix={t.undercut ? 'The step to' : undefined} />
                      {t.question && <span className="mt-0.5 block text-xs text-slate-500">Asks: {t.question.text}</span>}
                    </li>
                  ))}
                </ul>
              </div>
              <div role="cell" className="mt-2 md:mt-0 print:mt-0" data-testid="brief.matrix-response">
                <MobileLabel>Our response</MobileLabel>
                {row.answered ? (
                  <ul className="space-y-2">
                    {row.responses.map((r) => (
                      <li key={r.id} className="flex gap-1.5">
                        <CheckCircle2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-violet-700" />
                        <PointReference point={r} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p
                    className="inline-flex items-center gap-1.5 rounded-md border border-amber-600/50 bg-amber-50 px-2 py-1 font-semibold text-amber-950"
                    data-testid="brief.unanswered"
                  >
                    <AlertTriangle aria-hidden className="h-4 w-4" /> Unanswered
                  </p>
                )}
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function MobileLabel({ children }: { children: string }) {
  return <span className="mb-0.5 block text-[11px] font-semibold uppercase tracking-wider text-slate-500 md:hidden print:hidden">{children}</span>;
}
