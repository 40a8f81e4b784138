import { Check } from 'lucide-react';
import type { TaskProgress } from '@/lib/argument/progress';

interface ProgressBarProps {
  task: Pick<TaskProgress, 'done' | 'target' | 'complete' | 'words'>;
  /** What the bar measures, for screen readers ("Add objections"). */
  label: string;
  /** `sm`: a table cell; `md`: the student's card. */
  size?: 'sm' | 'md';
  testId?: string;
}

/**
 * One task's progress: a bar (full at the target; more than asked stays full) and its words
 * ("1 of 2 objections"), with a tick once complete — never colour alone.
 */
export function ProgressBar({ task, label, size = 'md', testId }: ProgressBarProps) {
  const share = task.target > 0 ? Math.min(1, task.done / task.target) : 0;
  return (
    <div className="min-w-0" data-testid={testId} data-done={task.done} data-target={task.target} data-complete={task.complete}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={task.target}
        aria-valuenow={Math.min(task.done, task.target)}
        aria-valuetext={task.words}
        className={`overflow-hidden rounded-full bg-slate-200 ${size === 'sm' ? 'h-1.5' : 'h-2'}`}
      >
        <div className={`h-full rounded-full ${task.complete ? 'bg-emerald-600' : 'bg-indigo-600'}`} style={{ width: `${share * 100}%` }} />
      </div>
      <p
        className={`mt-1 flex items-center gap-1 tabular-nums ${size === 'sm' ? 'text-xs' : 'text-sm'} ${task.complete ? 'font-medium text-emerald-800' : 'text-slate-700'}`}
      >
        {task.complete && <Check aria-hidden className="h-3.5 w-3.5 shrink-0" strokeWidth={3} />}
        <span data-testid={testId && `${testId}-words`}>{task.words}</span>
      </p>
    </div>
  );
}
