'use client';

import { Popover } from 'radix-ui';
import { unansweredQuestions } from '@/lib/argument/questions';
import { shorten } from '@/lib/argument/text';
import { useMapStore } from '@/components/map-store/map-store';

/**
 * The open-questions popover's contents: the map's unanswered critical questions, most important
 * first; each opens its step. Loaded on first use (it brings the schemes and their questions).
 */
export function OpenQuestionsList() {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const select = useMapStore((s) => s.select);
  const questions = unansweredQuestions(view, evaluation);
  const textOf = (id: string) => view.nodes.find((n) => n.id === id)?.text ?? '';
  const conclusionOf = (inferenceId: string) => view.inferences.find((i) => i.id === inferenceId)?.conclusion ?? '';
  return (
    <>
      <h2 className="text-base font-semibold">Critical questions not yet answered</h2>
      <p className="mt-1 text-sm text-slate-600">
        Each step names its pattern of reasoning; these are the questions that test it, most important first. Raise one to add an objection.
      </p>
      {questions.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">Every critical question on this map has been answered.</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {questions.map((q) => (
            <li key={`${q.inferenceId}:${q.id}`}>
              <Popover.Close asChild>
                <button
                  type="button"
                  onClick={() => select({ type: 'inference', id: q.inferenceId }, { focus: true })}
                  className="w-full rounded-md border border-slate-200 px-3 py-2 text-left hover:bg-slate-50"
                  data-testid="open-questions.item"
                >
                  <span className="block text-sm font-medium text-slate-900" data-testid="open-questions.question">
                    {q.text}
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {q.scheme.name} → “{shorten(textOf(conclusionOf(q.inferenceId)), 70)}”
                    {q.state === 'raised' && <span className="ml-1 font-semibold text-red-700">· raised, unanswered</span>}
                  </span>
                </button>
              </Popover.Close>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
