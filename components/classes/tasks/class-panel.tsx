'use client';

import { Fragment, useMemo, useState } from 'react';
import { Dialog } from 'radix-ui';
import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, ClipboardList, Download, Filter } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { useMapStore } from '@/components/map-store/map-store';
import { TASK_KINDS, TASK_LABELS, progressWords, type TaskKind } from '@/lib/argument/progress';
import { shorten } from '@/lib/argument/text';
import { progressCsvUrl } from '@/lib/api-client/downloads';
import type { ClassTasks, StudentProgress } from '@/lib/api-client/progress';
import { countOf } from '@/lib/words';
import { classRows, dayWords, sameColumn, sinceWords, type ClassColumn, type ClassSort } from './class-rows';
import { dueWords } from './my-tasks';
import { ProgressBar } from './progress-bar';
import { TasksForm } from './tasks-form';
import { useProgress } from './use-progress';
import { FormAlert } from '@/components/ui/form-alert';

/** "2 objections · 1 rebuttal · 1 point quoting the essay": the tasks set, in task order. */
function tasksWords(tasks: ClassTasks): string {
  return TASK_KINDS.flatMap((kind) => {
    const target = tasks.targets[kind];
    // "0 of 2 objections" without its "0 of ": the unit in the right number.
    return target ? [progressWords(kind, 0, target).replace(/^0 of /, '')] : [];
  }).join(' · ');
}

/**
 * The teacher's Class panel (the content of a dialog the header's "Class" button opens): one row per
 * student with their role, when they joined and last acted, a bar per task set and the reasoning in
 * their points; sortable by any column, filtered to those who have not started, and live — it asks
 * again whenever the map's stream brings an event. A student's name opens their points in map order,
 * each a link to it on the map, and can single them out on the map with the author filter. The
 * tasks are set here ("Set tasks") and the whole table downloads as CSV for a gradebook.
 */
export function ClassPanel({ onClose }: { onClose: () => void }) {
  const slug = useMapStore((s) => s.view.map.slug);
  const className = useMapStore((s) => s.view.map.className);
  const { data, receivedAt: now, error, loading, reload } = useProgress({ enabled: true, withPresence: true });
  const [sort, setSort] = useState<ClassSort>({ column: 'name', descending: false });
  const [notStartedOnly, setNotStartedOnly] = useState(false);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const tasks = data?.tasks ?? null;
  const students = useMemo(() => data?.students ?? [], [data]);
  const setKinds = tasks ? TASK_KINDS.filter((kind) => (tasks.targets[kind] ?? 0) > 0) : [];
  const rows = useMemo(() => classRows(students, sort, notStartedOnly), [students, sort, notStartedOnly]);
  const notStarted = students.filter((s) => !s.started).length;
  const complete = students.filter((s) => s.complete).length;

  const sortBy = (column: ClassColumn) =>
    setSort((s) => (sameColumn(s.column, column) ? { column, descending: !s.descending } : { column, descending: column !== 'name' && column !== 'role' }));

  return (
    <div data-testid="class-panel" data-loading={loading || undefined}>
      <div className="flex flex-col items-start gap-x-4 gap-y-3 pr-8 sm:flex-row">
        <div className="min-w-0 flex-1">
          <Dialog.Title className="text-lg font-semibold">Class{className && <span className="font-normal text-slate-600"> — {className}</span>}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600" data-testid="class-panel.tasks">
            {tasks ? (
              <>
                <span className="font-medium text-slate-800">Tasks:</span> {tasksWords(tasks)}
                {tasks.dueAt && <> · {dueWords(tasks.dueAt)}</>}
              </>
            ) : (
              'No tasks set yet: set how many objections, rebuttals, questions… each student should add, and the table shows who did what.'
            )}
          </Dialog.Description>
        </div>
        <button
          type="button"
          onClick={() => setFormOpen(true)}
          className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
          data-testid="class-panel.set-tasks"
        >
          <ClipboardList aria-hidden className="h-4 w-4" /> {tasks ? 'Change tasks' : 'Set tasks'}
        </button>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <p className="text-slate-700" data-testid="class-panel.counts">
          {countOf(students.length, 'student')}
          {tasks && students.length > 0 && <> · {complete} done</>}
          {students.length > 0 && <> · {notStarted} not started</>}
        </p>
        <label className="inline-flex items-center gap-2 rounded-md border border-slate-200 px-2.5 py-1 text-slate-700">
          <input
            type="checkbox"
            checked={notStartedOnly}
            onChange={(e) => setNotStartedOnly(e.target.checked)}
            className="h-4 w-4 accent-indigo-600"
            data-testid="class-panel.not-started"
          />
          <Filter aria-hidden className="h-3.5 w-3.5 text-slate-500" /> Not started only
        </label>
        <a
          href={progressCsvUrl(slug)}
          download
          className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-50"
          data-testid="class-panel.csv"
        >
          <Download aria-hidden className="h-4 w-4" /> Download CSV
        </a>
      </div>

      {error && (
        <FormAlert className="mt-3" testId="class-panel.error">
          Progress not loaded: {error}
        </FormAlert>
      )}

      {!data && !error ? (
        <p className="mt-6 text-sm text-slate-600" role="status">
          Loading the class…
        </p>
      ) : students.length === 0 && data ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600" data-testid="class-panel.empty">
          No students have joined yet. Share the invite (Share, in the header) and each student who joins gets a row here.
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full sm:min-w-[720px] border-collapse text-left text-sm" data-testid="class-panel.table">
            <thead className="bg-slate-50 text-xs uppercase tracking-wider text-slate-500">
              <tr>
                <SortHeader column="name" sort={sort} onSort={sortBy} sticky>
                  Student
                </SortHeader>
                <SortHeader column="role" sort={sort} onSort={sortBy} wideOnly>
                  Role
                </SortHeader>
                <SortHeader column="joined" sort={sort} onSort={sortBy} wideOnly>
                  Joined
                </SortHeader>
                <SortHeader column="lastActive" sort={sort} onSort={sortBy}>
                  Last active
                </SortHeader>
                {setKinds.map((kind) => (
                  <SortHeader key={kind} column={{ task: kind }} sort={sort} onSort={sortBy}>
                    {TASK_LABELS[kind]}
                  </SortHeader>
                ))}
                <SortHeader column="reasoning" sort={sort} onSort={sortBy} wide>
                  Reasoning
                </SortHeader>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.length === 0 && (
                <tr>
                  <td colSpan={5 + setKinds.length} className="px-3 py-6 text-center text-slate-600">
                    Everyone has started.
                  </td>
                </tr>
              )}
              {rows.map((student) => {
                const open = expanded === student.member.id;
                return (
                  <Fragment key={student.member.id}>
                    <tr
                      className={`align-top ${open ? 'bg-indigo-50' : ''}`}
                      data-testid="class-panel.row"
                      data-name={student.member.name}
                      data-started={student.started}
                      data-complete={student.complete}
                    >
                      <th
                        scope="row"
                        className={`sticky left-0 z-[1] px-3 ${open ? 'bg-indigo-50' : 'bg-white'} py-2.5 font-medium text-slate-900 shadow-[1px_0_0_rgb(226_232_240)]`}
                      >
                        <button
                          type="button"
                          onClick={() => setExpanded(open ? null : student.member.id)}
                          aria-expanded={open}
                          className="inline-flex max-w-[12rem] items-start gap-1 text-left text-indigo-800 hover:underline"
                          data-testid="class-panel.student"
                        >
                          {open ? (
                            <ChevronDown aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                          ) : (
                            <ChevronRight aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                          )}
                          <span className="[overflow-wrap:anywhere]">{student.member.name}</span>
                        </button>
                        {student.member.alias && (
                          <span className="ml-5 block text-xs font-normal text-slate-500" title="How classmates see them" data-testid="class-panel.alias">
                            {student.member.alias}
                          </span>
                        )}
                        {/* On a phone, role and joining date ride under the name (their columns would push the progress out of view). */}
                        <span className="ml-5 block text-xs font-normal capitalize text-slate-500 sm:hidden">
                          {student.member.role} · joined {dayWords(student.member.joinedAt)}
                        </span>
                        {!student.started && <span className="ml-5 block text-xs font-normal text-amber-800">Not started</span>}
                      </th>
                      <td className="px-3 py-2.5 capitalize text-slate-700 max-sm:hidden">{student.member.role}</td>
                      <td className="whitespace-nowrap px-3 py-2.5 text-slate-700 max-sm:hidden">{dayWords(student.member.joinedAt)}</td>
                      <td className="whitespace-nowrap px-3 py-2.5 text-slate-700" title={student.member.lastActiveAt ?? undefined}>
                        {sinceWords(student.member.lastActiveAt, now)}
                      </td>
                      {setKinds.map((kind) => {
                        const task = student.tasks.find((t) => t.kind === kind);
                        return (
                          <td key={kind} className="min-w-[8.5rem] px-3 py-2.5" data-testid="class-panel.task" data-kind={kind}>
                            {task && <ProgressBar task={task} label={`${student.member.name}: ${task.label}`} size="sm" testId="class-panel.bar" />}
                          </td>
                        );
                      })}
                      <td className="min-w-[16rem] px-3 py-2.5 text-slate-700" data-testid="class-panel.summary">
                        {student.summary}
                      </td>
                    </tr>
                    {open && (
                      <tr className="bg-indigo-50">
                        <td colSpan={5 + setKinds.length} className="px-3 pb-4 pt-1">
                          <StudentDetail student={student} onClose={onClose} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <TasksForm open={formOpen} onOpenChange={setFormOpen} current={tasks} onSaved={reload} />
    </div>
  );
}

interface SortHeaderProps {
  column: ClassColumn;
  sort: ClassSort;
  onSort: (column: ClassColumn) => void;
  children: React.ReactNode;
  sticky?: boolean;
  wide?: boolean;
  /** Hidden on phones (the row says it under the name). */
  wideOnly?: boolean;
}

function SortHeader({ column, sort, onSort, children, sticky, wide, wideOnly }: SortHeaderProps) {
  const active = sameColumn(sort.column, column);
  const Arrow = sort.descending ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      className={`px-3 py-2 font-semibold ${sticky ? 'sticky left-0 z-[1] bg-slate-50 shadow-[1px_0_0_rgb(226_232_240)]' : ''} ${wide ? 'min-w-[16rem]' : ''} ${wideOnly ? 'max-sm:hidden' : ''}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-1 text-left uppercase tracking-wider hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
        data-testid="class-panel.sort"
      >
        {children}
        {active && <Arrow aria-hidden className="h-3.5 w-3.5 shrink-0" />}
      </button>
    </th>
  );
}

/** What the figures in a student's reasoning are made of: each a list of their points (or points aimed at them). */
const FIGURES: { label: string; points: (s: StudentProgress) => string[] }[] = [
  { label: 'Objections that defeat what they attack', points: (s) => s.reasoning.objections.defeating },
  { label: 'Objections answered by a rebuttal that stands', points: (s) => s.reasoning.objections.answered },
  { label: 'Attacks on their points they answered', points: (s) => s.reasoning.challenges.answered },
  { label: 'Attacks on their points not answered', points: (s) => s.reasoning.challenges.aimed.filter((id) => !s.reasoning.challenges.answered.includes(id)) },
  { label: 'Critical questions raised', points: (s) => s.reasoning.questions.map((q) => q.nodeId) },
  { label: 'Points quoting the essay', points: (s) => s.reasoning.quoted },
  { label: 'Assertions resting on nothing', points: (s) => s.reasoning.unsupported },
];

/**
 * A student's contributions opened under their row: their points in map order, each a link that
 * selects it on the map, the figures of their reasoning with the points behind each, and the map
 * filtered to their points in one click.
 */
function StudentDetail({ student, onClose }: { student: StudentProgress; onClose: () => void }) {
  const nodes = useMapStore((s) => s.view.nodes);
  const select = useMapStore((s) => s.select);
  const setFilter = useMapStore((s) => s.setFilter);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const show = (id: string) => {
    onClose();
    select({ type: 'node', id }, { focus: true });
  };
  const pointLink = (id: string, index?: number) => {
    const node = byId.get(id);
    if (!node) return null;
    const style = KIND_STYLES[node.kind];
    const Icon = style.icon;
    return (
      <button
        type="button"
        onClick={() => show(id)}
        className="inline-flex max-w-full items-start gap-1.5 rounded px-1 py-0.5 text-left hover:bg-white"
        data-testid="class-panel.point"
      >
        {index !== undefined && <span className="w-5 shrink-0 text-right tabular-nums text-slate-500">{index + 1}.</span>}
        <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" style={{ color: style.color }} />
        <span className="sr-only">{style.label}: </span>
        <span className="text-slate-800 underline decoration-slate-300 underline-offset-2 [overflow-wrap:anywhere]">{shorten(node.text, 110)}</span>
      </button>
    );
  };
  const figures = FIGURES.map((f) => ({ label: f.label, points: f.points(student) })).filter((f) => f.points.length > 0);
  const counted = (TASK_KINDS as readonly TaskKind[]).filter((kind) => student.counts[kind] > 0);
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="class-panel.detail">
      <section>
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500">Their points, in map order ({student.reasoning.points.length})</h3>
          {student.reasoning.points.length > 0 && (
            <button
              type="button"
              onClick={() => {
                setFilter({ authors: [student.member.name] });
                onClose();
              }}
              className="ml-auto rounded-md border border-indigo-200 bg-white px-2 py-0.5 text-xs font-semibold text-indigo-800 hover:bg-indigo-50"
              data-testid="class-panel.filter-map"
            >
              Show only {shorten(student.member.name, 24)}’s points on the map
            </button>
          )}
        </div>
        {student.reasoning.points.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No points on the map yet.</p>
        ) : (
          <ol className="mt-2 space-y-0.5 text-sm">
            {student.reasoning.points.map((id, index) => (
              <li key={id}>{pointLink(id, index)}</li>
            ))}
          </ol>
        )}
        {counted.length > 0 && (
          <p className="mt-2 text-xs text-slate-600">
            Counted: {counted.map((kind) => `${TASK_LABELS[kind].toLowerCase()} ${student.counts[kind]}`).join(' · ')}
          </p>
        )}
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500">What holds up</h3>
        {figures.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Nothing to read yet.</p>
        ) : (
          <dl className="mt-2 space-y-2 text-sm">
            {figures.map((f) => (
              <div key={f.label}>
                <dt className="font-medium text-slate-800">
                  {f.label}: <span className="tabular-nums">{f.points.length}</span>
                </dt>
                <dd className="mt-0.5 space-y-0.5">
                  {f.points.map((id) => (
                    <div key={id}>{pointLink(id)}</div>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}
