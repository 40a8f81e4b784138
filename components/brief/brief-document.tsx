import { monthLabel } from '@/lib/argument/as-of';
import { Flag } from 'lucide-react';
import type { ReactNode } from 'react';
import { BRIEF_CASE_DEPTH_MAX, BRIEF_PAGE_POINTS_MAX, briefPage, opposite, SIDE_WORDING, STOCK_ISSUE_WORDING, type Brief } from '@/lib/argument/brief';
import { CaseOutline } from './case-outline';
import { PointFacts, PointQuote } from './brief-point';
import { QuestionList } from './question-list';
import { RebuttalMatrix } from './rebuttal-matrix';
import { StockIssues } from './stock-issues';

interface BriefDocumentProps {
  brief: Brief;
  mapTitle: string;
  document: { title: string; author: string; source: string };
  /** The date the brief is printed with, already formatted. */
  date: string;
  /** The month the map is judged as of, or null: today. */
  asOf: string | null;
  /** The map's address, printed in the footer so the paper leads back to it. */
  mapUrl: string;
  /** Where the whole brief is, offered when the page leaves points out (BRIEF_PAGE_POINTS_MAX). */
  fullBriefUrl: string;
}

function Section({ number, title, intro, testId, children }: { number?: number; title: string; intro?: string; testId: string; children: ReactNode }) {
  return (
    <section className="brief-section mt-12 first-of-type:mt-10" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 id={`${testId}-heading`} className="flex items-baseline gap-3 border-b-2 border-slate-900 pb-2 text-xl font-bold tracking-tight text-slate-900">
        {number !== undefined && <span className="font-serif text-2xl text-indigo-700 print:text-slate-900">{number}</span>}
        {title}
      </h2>
      {intro && <p className="mt-2 text-sm text-slate-600">{intro}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** The brief as a document: title block, the resolution, then the case, the matrix and the questions. */
export function BriefDocument({ brief, mapTitle, document, date, asOf, mapUrl, fullBriefUrl }: BriefDocumentProps) {
  // The counts at a glance are the whole brief's; the sections draw at most BRIEF_PAGE_POINTS_MAX points.
  const { brief: shown, omitted } = briefPage(brief);
  const words = SIDE_WORDING[brief.side];
  const them = SIDE_WORDING[opposite(brief.side)];
  const primary = brief.side === 'affirmative' ? brief.questions.prepare : brief.questions.openings;
  const secondary = brief.side === 'affirmative' ? brief.questions.openings : brief.questions.prepare;
  const unanswered = brief.matrix.filter((r) => !r.answered).length;
  const byline = [document.author, document.source].filter((s) => s.trim() !== '').join(' · ');

  return (
    <article
      className="brief-paper mx-auto max-w-4xl bg-white px-5 py-8 text-slate-900 sm:my-8 sm:rounded-xl sm:px-12 sm:py-12 sm:shadow-sm sm:ring-1 sm:ring-slate-200 print:m-0 print:max-w-none print:p-0 print:shadow-none print:ring-0"
      data-testid="brief.document"
      data-side={brief.side}
    >
      <header>
        <p className="text-xs font-bold uppercase tracking-[0.2em] text-indigo-700 print:text-slate-700" data-testid="brief.side">
          Debate brief · {words.label}
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl" data-testid="brief.title">
          {mapTitle}
        </h1>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold text-slate-500">Essay</dt>
          <dd data-testid="brief.essay">
            <cite className="font-serif not-italic text-slate-900">{document.title}</cite>
            {byline && <span className="text-slate-600"> — {byline}</span>}
          </dd>
          <dt className="font-semibold text-slate-500">Side</dt>
          <dd>
            {words.label}: {words.role}
          </dd>
          <dt className="font-semibold text-slate-500">Prepared</dt>
          <dd data-testid="brief.date">{date}</dd>
          {asOf && (
            <>
              <dt className="font-semibold text-slate-500">Judged as of</dt>
              <dd data-testid="brief.as-of">
                {monthLabel(asOf)} <span className="text-slate-600">— points resting on facts known only later are set aside (Later ◷)</span>
              </dd>
            </>
          )}
        </dl>
      </header>

      {omitted > 0 && (
        <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="note" data-testid="brief.omitted">
          This page shows the first {BRIEF_PAGE_POINTS_MAX.toLocaleString('en')} points; {omitted.toLocaleString('en')} more are left out.{' '}
          <a className="font-semibold underline" href={fullBriefUrl} download>
            Download the whole brief (Markdown)
          </a>
        </p>
      )}

      {!brief.thesis ? (
        <p className="mt-10 rounded-lg bg-slate-50 px-4 py-3 text-slate-700">
          This map has no thesis yet, so there is nothing to defend or attack. Set a thesis on the map, then come back for the brief.
        </p>
      ) : (
        <>
          <div
            className="brief-keep mt-8 rounded-xl border border-indigo-200 bg-indigo-50/60 p-5 print:border-slate-400 print:bg-white"
            data-testid="brief.resolution"
          >
            <p className="flex items-center gap-2 text-xs font-bold uppercase tracking-wider text-indigo-800 print:text-slate-700">
              <Flag aria-hidden className="h-4 w-4" /> Resolution {brief.side === 'affirmative' ? '— we defend it' : '— we oppose it'}
            </p>
            <p className="mt-2 font-serif text-xl font-semibold leading-snug sm:text-2xl">{brief.thesis.text}</p>
            <div className="mt-2">
              <PointFacts point={brief.thesis} />
            </div>
            <PointQuote quote={brief.thesis.quote} />
          </div>

          <ul className="mt-5 grid grid-cols-3 gap-2 text-xs sm:gap-3 sm:text-sm" aria-label="At a glance" data-testid="brief.summary">
            <Glance
              value={brief.case.length}
              label={
                brief.side === 'affirmative'
                  ? `${brief.case.length === 1 ? 'reason' : 'reasons'} for the thesis`
                  : `${brief.case.length === 1 ? 'objection' : 'objections'} to their points`
              }
            />
            <Glance
              value={unanswered}
              label={`of ${brief.matrix.length} ${them.label.toLowerCase()} ${brief.matrix.length === 1 ? 'attack' : 'attacks'} unanswered`}
            />
            <Glance
              value={primary.shown.length + primary.more}
              label={`open ${primary.shown.length + primary.more === 1 ? 'question' : 'questions'} on ${brief.side === 'affirmative' ? 'our' : 'their'} steps`}
            />
          </ul>

          {shown.stockIssues && (
            <Section title="Stock issues" intro={STOCK_ISSUE_WORDING[brief.side].intro} testId="brief.section-stock">
              <StockIssues stock={shown.stockIssues} side={brief.side} />
            </Section>
          )}

          <Section number={1} title={words.caseHeading} intro={words.caseIntro} testId="brief.section-case">
            <CaseOutline
              points={shown.case}
              empty={
                brief.side === 'affirmative'
                  ? 'The thesis has no reasons on the map yet.'
                  : 'Nothing on the map attacks the affirmative’s points yet — add an objection on the map.'
              }
            />
          </Section>

          {shown.continued.length > 0 && (
            <Section
              title="Reasons continued"
              intro={`Chains of support deeper than ${BRIEF_CASE_DEPTH_MAX} levels carry on here, from the point where the outline above stops.`}
              testId="brief.section-continued"
            >
              <CaseOutline points={shown.continued} empty="" continuation />
            </Section>
          )}

          <Section
            number={2}
            title="Rebuttal matrix"
            intro={`Every ${them.label.toLowerCase()} point that attacks one of ours, with our answer — unanswered ones first.`}
            testId="brief.section-matrix"
          >
            <RebuttalMatrix rows={shown.matrix} theirLabel={`${them.label} point`} empty={`No ${them.label.toLowerCase()} point attacks ours yet.`} />
          </Section>

          <Section number={3} title={words.questionsHeading} intro={words.questionsIntro} testId="brief.section-questions">
            <QuestionList list={primary} empty="No critical question on these steps is left unanswered." testId="brief.questions" />
            {secondary.shown.length > 0 && (
              <div className="mt-8">
                <h3 className="text-base font-bold text-slate-900">{words.otherQuestionsHeading}</h3>
                <div className="mt-3">
                  <QuestionList list={secondary} empty="" testId="brief.other-questions" />
                </div>
              </div>
            )}
          </Section>

          {shown.mixed.length > 0 && (
            <Section
              title="Points that cut both ways"
              intro="Reached from the thesis both as support and as attack: neither side counts them."
              testId="brief.section-mixed"
            >
              <ul className="space-y-3">
                {shown.mixed.map((p) => (
                  <li key={p.id} className="brief-keep">
                    <PointFacts point={p} />
                    <p className="mt-1 font-serif">{p.text}</p>
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </>
      )}

      <footer className="mt-14 border-t border-slate-200 pt-4 text-xs leading-relaxed text-slate-500">
        Made with Argmap from the map at{' '}
        <a href={mapUrl} className="break-all text-slate-700 underline">
          {mapUrl}
        </a>{' '}
        on {date}. Statuses come from the map’s structure (grounded semantics: Stands ✓, Contested ?, Unsupported —, Defeated ✕); the crowd’s ratings are shown
        beside them and only break ties.
      </footer>
    </article>
  );
}

function Glance({ value, label }: { value: number; label: string }) {
  return (
    <li className="brief-keep rounded-lg border border-slate-200 px-3 py-2.5 sm:px-4 sm:py-3">
      <span className="block font-serif text-2xl font-bold tabular-nums text-slate-900">{value}</span>
      <span className="text-slate-600">{label}</span>
    </li>
  );
}
