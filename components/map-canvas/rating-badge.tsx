import { describeRating, formatAverage, type Rating } from '@/lib/argument/discussion';

type RatingBadgeProps = Rating;

/**
 * The crowd's rating on a card: a small pill "★ 2.6 · 5" (average of 0–4, number of votes), read
 * out as "Crowd rating 2.6 of 4 from 5 votes". Nothing when nobody has voted. Styled apart from
 * the status badge on purpose: the rating is people's judgement, the status the map's logic.
 */
export function RatingBadge({ average, count }: RatingBadgeProps) {
  if (count === 0) return null;
  const label = describeRating({ average, count });
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className="inline-flex items-center rounded-full bg-white px-1.5 py-px text-[11px] font-semibold tabular-nums text-slate-700 ring-1 ring-inset ring-slate-300"
      data-testid="canvas.rating"
    >
      <span aria-hidden>
        ★ {formatAverage(average)} · {count}
      </span>
    </span>
  );
}
