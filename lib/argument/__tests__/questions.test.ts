import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluation';
import type { ArgumentGraph } from '../model';
import { questionsForInference, unansweredQuestions } from '../questions';
import { schemeById } from '../schemes';
import { attacks, graphOf, linked, supports, undercuts } from './fixtures';

function withScheme(graph: ArgumentGraph, inferenceId: string, scheme: string): ArgumentGraph {
  return { ...graph, inferences: graph.inferences.map((i) => (i.id === inferenceId ? { ...i, scheme } : i)) };
}

describe('questionsForInference', () => {
  const base = withScheme(
    graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
      ],
      [supports('e', 'c', 'i')],
    ),
    'i',
    'analogy',
  );

  test('an inference without a scheme has no questions', () => {
    const g = graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
      ],
      [supports('e', 'c', 'i')],
    );
    expect(questionsForInference(g, evaluate(g), 'i')).toEqual([]);
  });

  test('every question of the scheme is listed, all open at first', () => {
    const qs = questionsForInference(base, evaluate(base), 'i');
    expect(qs.map((q) => q.question.id)).toEqual(schemeById('analogy')!.questions.map((q) => q.id));
    expect(new Set(qs.map((q) => q.state))).toEqual(new Set(['open']));
  });

  test.each([
    ['an undercut raised from it and unanswered', [undercuts('u', 'i', 'x1')], 'raised'],
    ['an undercut raised from it and rebutted', [undercuts('u', 'i', 'x1'), attacks('r', 'u')], 'answered'],
    ['an objection to a premise raised from it, unanswered', [attacks('u', 'e', 'x1')], 'raised'],
  ] as const)('%s → %s', (_name, conflicts, state) => {
    const tagged = conflicts.map((c) => (c.id === 'x1' ? { ...c, question: 'analogy.cq1' } : c));
    const g: ArgumentGraph = {
      ...base,
      nodes: [
        ...base.nodes,
        ...graphOf(
          [
            ['u', 'objection'],
            ['r', 'rebuttal'],
          ],
          [],
        ).nodes,
      ],
      conflicts: tagged,
    };
    const cq1 = questionsForInference(g, evaluate(g), 'i').find((q) => q.question.id === 'cq1')!;
    expect(cq1.state).toBe(state);
    expect(cq1.raisedBy).toEqual(['u']);
  });
});

describe('unansweredQuestions', () => {
  test('weight first, then closeness to the thesis', () => {
    const g = withScheme(
      withScheme(
        graphOf(
          [
            ['t', 'thesis'],
            ['c', 'claim'],
            ['e', 'evidence'],
            ['w', 'premise'],
          ],
          [supports('c', 't', 'top'), linked(['e', 'w'], 'c', 'low')],
        ),
        'top',
        'practical-reasoning',
      ),
      'low',
      'sign',
    );
    const list = unansweredQuestions(g, evaluate(g));
    const weights = list.map((q) => q.question.weight);
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
    const firstWeightOne = list.filter((q) => q.question.weight === 1);
    expect(firstWeightOne[0].inferenceId).toBe('top');
  });
});
