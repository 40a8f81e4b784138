import { KIND_STYLES } from '@/components/argument-kinds';
import { StatusBadge } from '@/components/status-badge';
import { kindPhrase, ratingPhrase, type BriefPoint } from '@/lib/argument/brief';
import { describeRating } from '@/lib/argument/discussion';

interface PointFactsProps {
  point: BriefPoint;
  /** The scheme of the step this point sits in, when there is one. */
  scheme?: string | null;
}

/** The line above a point: its kind (icon and word), its status badge, the crowd's rating and the step's scheme. */
export function PointFacts({ point, scheme }: PointFactsProps) {
  const kind = KIND_STYLES[point.kind];
  const Icon = kind.icon;
  const rating = ratingPhrase(point.rating);
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
      <span className="inline-flex items-center gap-1 font-semibold uppercase tracking-wide" style={{ color: kind.color }}>
        <Icon aria-hidden className="h-3.5 w-3.5" />
        {kindPhrase(point)}
      </span>
      <StatusBadge status={point.status} />
      {rating && (
        <span className="tabular-nums" title={describeRating(point.rating)}>
          {rating}
        </span>
      )}
      {scheme && <span className="italic text-slate-500">via {scheme}</span>}
    </div>
  );
}

/** The essay's own words, as the point quotes them. */
export function PointQuote({ quote }: { quote: string | null }) {
  if (!quote) return null;
  return (
    <blockquote
      className="brief-quote mt-1.5 border-l-2 border-slate-300 pl-3 font-serif text-[0.95em] italic leading-relaxed text-slate-600"
      data-testid="brief.quote"
    >
      “{quote}”
    </blockquote>
  );
}

/** A point in one line of text with its status: for rows that refer to a point stated elsewhere. */
export function PointReference({ point, prefix }: { point: BriefPoint; prefix?: string }) {
  return (
    <span className="inline">
      {prefix && <span className="font-medium text-slate-500">{prefix} </span>}
      <span className="text-slate-800">{point.text}</span> <StatusBadge status={point.status} />
    </span>
  );
}
