import { CheckCircle2, CircleDot, Crosshair, Gavel, TriangleAlert } from 'lucide-react';
import { ISSUE_STATE_LABELS, issueTone, STOCK_ISSUE_WORDING, type BriefStockIssue, type BriefStockIssues, type Side } from '@/lib/argument/brief';
import { PointReference } from './brief-point';

/** Each state's badge is coloured by what it means for the brief's side: the affirmative's lost issue is the negative's win. */
const TONE_STYLES = {
  good: { className: 'border-emerald-600/40 bg-emerald-50 text-emerald-900', icon: CheckCircle2 },
  bad: { className: 'border-red-600/50 bg-red-50 text-red-900', icon: TriangleAlert },
  open: { className: 'border-slate-400 bg-slate-50 text-slate-800', icon: CircleDot },
} as const;

/**
 * The stock issues of a policy proposal, read from one side: the verdict, then each issue the
 * affirmative must hold with its points and the attacks on them, then the negative's own lines.
 */
export function StockIssues({ stock, side }: { stock: BriefStockIssues; side: Side }) {
  const words = STOCK_ISSUE_WORDING[side];
  const losing = stock.losing.length > 0;
  // Good news for this side: the affirmative holding all four, or the negative taking one.
  const good = losing === (side === 'negative');
  return (
    <div data-testid="brief.stock-issues">
      <p
        className={`brief-keep flex gap-2 rounded-lg border px-4 py-3 font-medium ${good ? 'border-emerald-600/40 bg-emerald-50 text-emerald-950' : 'border-red-600/40 bg-red-50 text-red-950'} print:bg-white`}
        data-testid="brief.stock-verdict"
        data-losing={losing}
      >
        <Gavel aria-hidden className="mt-0.5 h-5 w-5 shrink-0" />
        <span>{stock.verdict}</span>
      </p>
      {stock.stepAttacks.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-semibold text-slate-700">The step linking the issues is undercut by:</p>
          <ul className="mt-1 space-y-1">
            {stock.stepAttacks.map((p) => (
              <li key={p.id} className="flex gap-1.5">
                <Crosshair aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
                <PointReference point={p} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="mt-6 text-base font-bold text-slate-900">{words.mustHold}</h3>
      <IssueGrid issues={stock.affirmative} side={side} />
      <h3 className="mt-6 text-base font-bold text-slate-900">{words.ownLines}</h3>
      <IssueGrid issues={stock.negative} side={side} />
    </div>
  );
}

function IssueGrid({ issues, side }: { issues: BriefStockIssue[]; side: Side }) {
  return (
    <ul className="mt-3 grid gap-3 md:grid-cols-2 print:grid-cols-2">
      {issues.map((issue) => (
        <IssueCard key={issue.issue} issue={issue} side={side} />
      ))}
    </ul>
  );
}

function IssueCard({ issue, side }: { issue: BriefStockIssue; side: Side }) {
  const words = STOCK_ISSUE_WORDING[side];
  const tone = issueTone(side, issue);
  const StateIcon = TONE_STYLES[tone].icon;
  return (
    <li
      className="brief-keep rounded-lg border border-slate-200 p-4 print:p-3"
      data-testid="brief.stock-issue"
      data-issue={issue.issue}
      data-state={issue.state}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-serif text-lg font-bold text-slate-900">{issue.label}</h4>
        <span
          className={`inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-bold uppercase tracking-wide ${TONE_STYLES[tone].className}`}
          data-testid="brief.stock-state"
          data-tone={tone}
        >
          <StateIcon aria-hidden className="h-3.5 w-3.5" />
          {ISSUE_STATE_LABELS[issue.arguedBy][issue.state]}
        </span>
      </div>
      <p className="mt-0.5 text-sm italic text-slate-600">{issue.question}</p>
      <p className="mt-2 text-sm text-slate-800" data-testid="brief.stock-advice">
        {issue.advice}
      </p>
      <PointList title={words.pointsLabel(issue.arguedBy)} testId="brief.stock-points">
        {issue.points.map((p) => (
          <li key={p.id}>
            <PointReference point={p} />
          </li>
        ))}
      </PointList>
      <PointList title={words.attacksLabel(issue.arguedBy)} testId="brief.stock-attacks">
        {issue.attacks.map((a) => (
          <li key={`${a.attacker.id}-${a.target.id}-${a.undercut}`} className="flex gap-1.5">
            <Crosshair aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
            <span>
              <PointReference point={a.attacker} />
              {issue.points.length > 1 && (
                <span className="block text-xs text-slate-500">
                  {a.undercut ? 'Undercuts the step to' : 'Against'}: {a.target.text}
                </span>
              )}
              {issue.points.length <= 1 && a.undercut && <span className="block text-xs text-slate-500">Undercuts the step to it</span>}
            </span>
          </li>
        ))}
      </PointList>
      <PointList title={`Tagged ${issue.label.toLowerCase()} off the case step (not holding it)`} testId="brief.stock-elsewhere">
        {issue.elsewhere.map((p) => (
          <li key={p.id}>
            <PointReference point={p} />
          </li>
        ))}
      </PointList>
    </li>
  );
}

function PointList({ title, testId, children }: { title: string; testId: string; children: React.ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="text-[11px] font-semibold uppercase tracking-wider text-slate-500">{title}</p>
      <ul className="mt-1 space-y-1.5 text-sm" data-testid={testId}>
        {children}
      </ul>
    </div>
  );
}
