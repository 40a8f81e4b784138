import type { Evaluation } from './evaluation';
import { findGaps, gapCount } from './gaps';
import type { ArgumentGraph } from './model';
import { unansweredQuestions } from './questions';

/** The map header's two study figures: how many gaps (`gaps.ts`) and how many critical questions are unanswered (`questions.ts`). */
export interface StudyCounts {
  gaps: number;
  openQuestions: number;
}

/**
 * The study figures of a map judged by `evaluation`, with its essay. The server works them out for
 * the page, so the browser shows them without loading the study code until the map changes.
 */
export function studyCounts(graph: ArgumentGraph, evaluation: Evaluation, essay: string): StudyCounts {
  return { gaps: gapCount(findGaps(graph, evaluation, essay)), openQuestions: unansweredQuestions(graph, evaluation).length };
}
