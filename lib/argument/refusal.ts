/**
 * Why a change to a map is refused, as the rules in lib/argument decide it: the kind of refusal
 * (the HTTP status it is answered with), the message and where in the request the fault is. The
 * data layer turns it into an `AppError` (lib/db/refuse.ts); nothing here knows about HTTP.
 */
export interface Refusal {
  code: 'bad_request' | 'conflict' | 'not_found' | 'forbidden';
  message: string;
  issues: { path: (string | number)[]; message: string }[];
}

/** A decision: what to do, or why not. */
export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
