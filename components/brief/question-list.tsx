import { CircleDot, MessageSquareWarning } from 'lucide-react';
import { StatusBadge } from '@/components/status-badge';
import { doubtPhrase, groupByPoint, type QuestionList as Questions } from '@/lib/argument/brief';

interface QuestionListProps {
  list: Questions;
  empty: string;
  testId: string;
}

/** The open critical questions, most important first, gathered under the point whose step each tests. */
export function QuestionList({ list, empty, testId }: QuestionListProps) {
  if (list.shown.length === 0) return <p className="rounded-lg bg-slate-50 px-4 py-3 text-slate-600">{empty}</p>;
  const groups = groupByPoint(list.shown);
  // Numbers run on across the groups: a group starts after everything before it.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((sum, g) => sum + g.questions.length, 0));
  return (
    <div data-testid={testId}>
      <div className="space-y-6">
        {groups.map((group, g) => (
          <section key={group.conclusion.id} aria-label={`Questions on: ${group.conclusion.text}`} data-testid="brief.question-group">
            <p className="brief-keep border-l-4 border-slate-300 pl-3 text-slate-600">
              <span className="mr-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">On</span>
              <span className="font-serif text-slate-900">{group.conclusion.text}</span> <StatusBadge status={group.conclusion.status} />
            </p>
            <ol className="mt-3 space-y-3">
              {group.questions.map((q, i) => {
                const number = starts[g] + i + 1;
                return (
                  <li
                    key={`${q.id}@${q.step.conclusion.id}`}
                    value={number}
                    className="brief-keep flex gap-3"
                    data-testid="brief.question"
                    data-state={q.state}
                  >
                    <span aria-hidden className="w-7 shrink-0 text-right font-semibold tabular-nums text-slate-500">
                      {number}.
                    </span>
                    <div className="min-w-0">
                      <p className="font-semibold text-slate-900">{q.text}</p>
                      <p className="mt-0.5 text-sm text-slate-600">
                        {q.schemeName}, {doubtPhrase(q)}.
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
                );
              })}
            </ol>
          </section>
        ))}
      </div>
      {list.more > 0 && (
        <p className="mt-5 text-sm italic text-slate-500">
          …and {list.more} more open {list.more === 1 ? 'question' : 'questions'}, listed under Open questions on the map.
        </p>
      )}
    </div>
  );
}
