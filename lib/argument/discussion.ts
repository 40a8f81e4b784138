/**
 * The people's side of a map, kept beside the argument and never mixed into it: comments on a
 * node, and the crowd's rating of how strong it is. The evaluation (lib/argument/evaluation.ts)
 * follows from the map's structure alone; nothing here changes a status.
 */

/** A comment as the API shows it. Who wrote it is a display name; the browser key that owns it stays on the server. */
export interface CommentView {
  id: string;
  nodeId: string;
  author: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; equal to `createdAt` until the comment is edited. */
  updatedAt: string;
  /** Whether the requesting browser wrote it (and so may edit or delete it); absent in the event log. */
  mine?: boolean;
}

/**
 * The crowd's rating of a node: the mean of everyone's 0–4 votes (unrounded) and how many voted.
 * `{ average: 0, count: 0 }` when nobody has.
 */
export interface Rating {
  average: number;
  count: number;
}

export const NO_RATING: Rating = { average: 0, count: 0 };

/** The 0–4 scale, as Kialo's "impact": index = value. */
export const RATING_LABELS = ['No impact', 'Low', 'Medium', 'High', 'Decisive'] as const;

/** A comment has been edited when its last change is later than its creation. */
export function isEdited(comment: Pick<CommentView, 'createdAt' | 'updatedAt'>): boolean {
  return comment.updatedAt !== comment.createdAt;
}

/** The average as shown: one decimal. @example formatAverage(2.5666) // "2.6" */
export function formatAverage(average: number): string {
  return average.toFixed(1);
}

/** What a screen reader says for a rating. @example describeRating({ average: 2.6, count: 5 }) // "Crowd rating 2.6 of 4 from 5 votes" */
export function describeRating({ average, count }: Rating): string {
  if (count === 0) return 'Not rated yet';
  return `Crowd rating ${formatAverage(average)} of 4 from ${count} ${count === 1 ? 'vote' : 'votes'}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * How long ago `then` was, in words: "just now" under a minute, then the largest whole unit.
 * A time slightly in the future (clock skew between browser and server) counts as now.
 * @example timeAgo('2026-01-01T10:00:00Z', new Date('2026-01-01T10:03:30Z')) // "3 minutes ago"
 */
export function timeAgo(then: string | Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - new Date(then).getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}

/**
 * The rating after one browser's vote changes from `previous` to `next` (null = no vote), for
 * showing a vote at once while the server confirms it.
 * @example withVote({ average: 2, count: 2 }, null, 4) // { average: 2.6666…, count: 3 }
 */
export function withVote(rating: Rating, previous: number | null, next: number | null): Rating {
  let sum = rating.average * rating.count;
  let count = rating.count;
  if (previous !== null) {
    sum -= previous;
    count -= 1;
  }
  if (next !== null) {
    sum += next;
    count += 1;
  }
  return count <= 0 ? NO_RATING : { average: sum / count, count };
}
