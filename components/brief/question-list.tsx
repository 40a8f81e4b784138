import { CircleDot, MessageSquareWarning } from 'lucide-react';
import { doubtPhrase, type QuestionList as Questions } from '@/lib/argument/brief';

interface QuestionListProps {
  list: Questions;
  empty: string;
  testId: string;
}

/** The open critical questions, most important first, each with the step it tests and who raised it. */
export function QuestionList({ list, empty, testId }: QuestionListProps) {
  if (list.shown.length === 0) return <p className="rounded-lg bg-slate-50 px-4 py-3 text-slate-600">{empty}</p>;
  return (
    <div data-testid={testId}>
      <ol className="space-y-3">
        {list.shown.map((q, i) => (
          <li key={`${q.id}@${q.step.conclusion.id}`} className="brief-keep flex gap-3" data-testid="brief.question" data-state={q.state}>
            <span aria-hidden className="mt-0.5 w-6 shrink-0 text-right font-semibold tabular-nums text-slate-400">{i + 1}.</span>
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{q.text}</p>
              <p className="mt-0.5 text-sm text-slate-600">
                On “<span className="font-serif text-slate-800">{q.step.conclusion.text}</span>” — {q.schemeName}, {doubtPhrase(q)}.
              </p>
              {q.state === 'raised' ? (
                <p className="mt-1 flex gap-1.5 text-sm text-red-900">
                  <MessageSquareWarning aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                  <span>
                    <span className="font-semibold">Raised</span> by {q.raisedBy.map((p) => `“${p.text}”`).join(', ')}
                  </span>
                </p>
              ) : (
                <p className="mt-1 inline-flex items-center gap-1.5 text-sm text-slate-500">
                  <CircleDot aria-hidden className="h-3.5 w-3.5" /> Open: nobody has asked it yet
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      {list.more > 0 && (
        <p className="mt-4 text-sm italic text-slate-500">
          …and {list.more} more open {list.more === 1 ? 'question' : 'questions'}, listed under Open questions on the map.
        </p>
      )}
    </div>
  );
}
