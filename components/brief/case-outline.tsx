import { ArrowDown, ArrowUp, CornerDownRight, Crosshair, Link2 } from 'lucide-react';
import type { CasePoint } from '@/lib/argument/brief';
import { PointFacts, PointQuote, PointReference } from './brief-point';

/** The anchor of the entry where a point is listed in full, which its repeats link to. */
function anchorOf(id: string): string {
  return `brief-point-${id}`;
}

/** For a point listed in full elsewhere: a link to that entry, in place of its quote and reasons. */
function ReferenceLink({ point }: { point: CasePoint }) {
  const Icon = point.repeat ? ArrowUp : ArrowDown;
  return (
    <a
      href={`#${anchorOf(point.id)}`}
      className="mt-1 inline-flex items-center gap-1 text-sm text-slate-500 underline decoration-slate-300 underline-offset-2 hover:text-slate-800"
      data-testid={point.repeat ? 'brief.repeat' : 'brief.continued-link'}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {point.repeat ? 'Listed above, with its reasons' : 'Its reasons continue below, under “Reasons continued”'}
    </a>
  );
}

interface CaseItemProps {
  point: CasePoint;
  number?: number;
  depth: number;
  /** The data-testid of a top-level entry. */
  topTestId: string;
}

/**
 * One point of the case with what holds it up, nested: numbered at the top level, indented below.
 * The brief nests at most `BRIEF_CASE_DEPTH_MAX` deep and continues longer chains apart.
 */
function CaseItem({ point, number, depth, topTestId }: CaseItemProps) {
  const full = !point.repeat && !point.continued;
  return (
    <li
      id={full ? anchorOf(point.id) : undefined}
      className={`${depth === 0 ? 'py-4' : 'pt-3'}`}
      data-testid={depth === 0 ? topTestId : 'brief.support'}
      data-node-id={point.id}
      data-repeat={point.repeat || undefined}
    >
      <div className="flex gap-3">
        {number !== undefined && (
          <span
            aria-hidden
            className="mt-0.5 grid h-7 w-7 shrink-0 place-items-center rounded-full bg-slate-900 text-sm font-semibold text-white print:border print:border-slate-900 print:bg-white print:text-slate-900"
          >
            {number}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <div className="brief-keep">
            <PointFacts point={point} scheme={point.scheme} />
            <p
              className={`mt-1 font-serif leading-snug ${point.repeat ? 'text-slate-600' : 'text-slate-900'} ${depth === 0 ? 'text-lg font-semibold' : 'text-base'}`}
            >
              {point.text}
            </p>
            {!point.repeat && <PointQuote quote={point.quote} />}
            {!full && <ReferenceLink point={point} />}
          </div>
          {point.attacks.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm" aria-label="What it attacks">
              {point.attacks.map((target) => (
                <li key={`${target.point.id}-${target.undercut}`} className="flex gap-1.5">
                  <Crosshair aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
                  <span>
                    <PointReference point={target.point} prefix={target.undercut ? 'Undercuts the step to' : 'Attacks'} />
                    {target.question && <span className="block text-slate-500">Asks: {target.question.text}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {point.together.length > 0 && (
            <p className="mt-2 flex gap-1.5 text-sm text-slate-700">
              <Link2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-teal-700" />
              <span>
                <span className="font-medium text-slate-500">Also needs </span>
                {point.together.map((t, i) => (
                  <span key={t.id}>
                    {i > 0 && '; '}
                    {t.implicit && (
                      <span className="mr-1 rounded border border-dashed border-teal-700 px-1 text-[11px] font-semibold uppercase tracking-wide text-teal-800">
                        unstated
                      </span>
                    )}
                    <PointReference point={t} />
                  </span>
                ))}
                {point.togetherMore > 0 && <span className="text-slate-500">; and {point.togetherMore} more</span>}
              </span>
            </p>
          )}
          {point.support.length > 0 && (
            <ul className="mt-1 border-l border-slate-200 pl-4" aria-label={`Support for: ${point.text}`}>
              {point.support.map((child, i) => (
                // A point can sit twice in one list (two steps from it to the same conclusion).
                <CaseItem key={`${child.id}-${i}`} point={child} depth={depth + 1} topTestId={topTestId} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </li>
  );
}

interface CaseOutlineProps {
  points: CasePoint[];
  /** Shown when the case has no points. */
  empty: string;
  /** The chains continued from the case (`Brief.continued`): listed unnumbered, under their own test ids. */
  continuation?: boolean;
}

/** The case outline: the side's points, strongest first, each with its evidence and quotes. */
export function CaseOutline({ points, empty, continuation = false }: CaseOutlineProps) {
  if (points.length === 0) {
    return (
      <p className="flex items-center gap-2 rounded-lg bg-slate-50 px-4 py-3 text-slate-600">
        <CornerDownRight aria-hidden className="h-4 w-4" /> {empty}
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" data-testid={continuation ? 'brief.continued' : 'brief.case'}>
      {points.map((point, i) => (
        <CaseItem
          key={`${point.id}-${i}`}
          point={point}
          number={continuation ? undefined : i + 1}
          depth={0}
          topTestId={continuation ? 'brief.continued-point' : 'brief.case-point'}
        />
      ))}
    </ol>
  );
}
