import type { Decision, Refusal } from '../argument/refusal';
import { AppError } from '../validation/app-error';

/** A refusal decided by the rules in lib/argument, as the error the API answers with. */
export function refusalError(refusal: Refusal): AppError {
  return new AppError(refusal.code, refusal.message, { issues: refusal.issues });
}

/** The decision's value, or its refusal thrown (rolling back the transaction it is decided in). */
export function decided<T>(decision: Decision<T>): T {
  if (!decision.ok) throw refusalError(decision.refusal);
  return decision.value;
}
