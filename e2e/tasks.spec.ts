import { expect, test, type BrowserContext, type Locator } from '@playwright/test';
import { SLUG, readMap } from './support/api';
import { join, mapDrawn, newContext, WIDE } from './support/class';

/**
 * Issue 13, sections 1 and 2: a teacher sets tonight's tasks on a class copy, two students join by
 * the invite and act, each sees their own progress move live (the card and the composer's hint),
 * the teacher's Class panel shows both rows with the right numbers and singles a student out on
 * the map, and the CSV for the gradebook downloads with them. Screenshots of the Class panel and
 * "My tasks" at 1440×900 and 390×844 go to test-results/.
 */

const PHONE = { width: 390, height: 844 };

/** The bar of task `kind` in a "My tasks" card or a Class panel row. */
function bar(scope: Locator, kind: string): Locator {
  return scope.locator(`[data-kind="${kind}"]`).locator('[data-done]');
}

/** A minimal RFC 4180 reader (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test('a teacher sets tasks on a class copy, two students act and see their own progress live, and the Class panel and its CSV show both', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The teacher: an account, a class copy of the op-ed made in the page.
  const teacher = await newContext(browser, baseURL!);
  const username = `tasks${Date.now().toString(36)}`;
  expect((await teacher.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } })).status()).toBe(201);
  const teacherPage = await teacher.newPage();
  await teacherPage.goto(`/maps/${SLUG}`);
  await teacherPage.getByTestId('map.copy').click();
  const title = `Tasks copy ${Date.now()}`;
  await teacherPage.getByTestId('copy.title').fill(title);
  await teacherPage.getByTestId('copy.class').fill('Period 2');
  await teacherPage.getByTestId('copy.submit').click();
  await expect(teacherPage.getByTestId('map.title')).toHaveText(title);
  const code = (await teacherPage.getByTestId('share.code').textContent())!.trim();
  await teacherPage.keyboard.press('Escape');
  const slug = new URL(teacherPage.url()).pathname.split('/').pop()!;

  // The Class panel, before anything is set or anyone has joined.
  await teacherPage.getByTestId('map.class').click();
  const panel = teacherPage.getByTestId('class-panel');
  await expect(panel.getByTestId('class-panel.tasks')).toContainText('No tasks set yet');
  await expect(panel.getByTestId('class-panel.empty')).toBeVisible();
  // The panel stays open while the window crosses the phone width (the header is drawn anew there).
  await teacherPage.setViewportSize({ width: 700, height: 900 });
  await expect(panel.getByTestId('class-panel.empty')).toBeVisible();
  await teacherPage.setViewportSize(WIDE);
  await expect(panel.getByTestId('class-panel.empty')).toBeVisible();

  // The form checks with the server's schema, each message at its field.
  await panel.getByTestId('class-panel.set-tasks').click();
  const form = teacherPage.getByTestId('tasks-form');
  await form.getByTestId('tasks-form.save').click();
  await expect(form.getByTestId('tasks-form.targets-error')).toContainText('Set at least one task');
  await form.getByTestId('tasks-form.count-objections').fill('51');
  await form.getByTestId('tasks-form.save').click();
  await expect(form.getByTestId('tasks-form.count-objections-error')).toHaveText('At most 50 objections.');
  await expect(form.getByTestId('tasks-form.targets-error')).toHaveCount(0);
  // Tonight's assignment: two objections, one rebuttal, quote the essay once.
  await form.getByTestId('tasks-form.count-objections').fill('2');
  await form.getByTestId('tasks-form.count-rebuttals').fill('1');
  await form.getByTestId('tasks-form.count-quotes').fill('1');
  await form.getByTestId('tasks-form.due').fill('2026-12-10');
  await form.getByTestId('tasks-form.instructions').fill('Object to a classmate’s point twice, rebut one objection, and quote the essay once.');
  await form.getByTestId('tasks-form.save').click();
  await expect(form).toHaveCount(0);
  await expect(panel.getByTestId('class-panel.tasks')).toHaveText('Tasks: 2 objections · 1 rebuttal · 1 point quoting the essay · Due Thu, 10 Dec 2026');
  const saved = await (await teacher.request.get(`/api/maps/${slug}/tasks`)).json();
  expect(saved.tasks).toMatchObject({ targets: { objections: 2, rebuttals: 1, quotes: 1 }, dueAt: '2026-12-10' });

  // Ada joins: her tasks open over the map, nothing done yet.
  const ada = await join(browser, baseURL!, code, 'Ada');
  const adaCard = ada.page.getByTestId('my-tasks');
  await expect(adaCard).toBeVisible();
  await expect(adaCard.getByTestId('my-tasks.instructions')).toHaveText(/rebut one objection/);
  await expect(adaCard.getByTestId('my-tasks.due')).toHaveText('Due Thu, 10 Dec 2026');
  await expect(adaCard.getByTestId('my-tasks.task')).toHaveCount(3);
  await expect(bar(adaCard, 'objections')).toContainText('0 of 2 objections');
  await expect(bar(adaCard, 'rebuttals')).toContainText('0 of 1 rebuttal');
  await expect(bar(adaCard, 'quotes')).toContainText('0 of 1 point quoting the essay');

  // The teacher's panel hears of her joining without a reload.
  await expect(panel.getByTestId('class-panel.row')).toHaveCount(1);
  await expect(panel.getByTestId('class-panel.row').first()).toHaveAttribute('data-started', 'false');

  // She objects in the page: the composer says where she stands, and the card moves.
  await ada.page.locator('[data-testid="essay.quote"]').first().click();
  const inspector = ada.page.getByTestId('inspector');
  await inspector.getByTestId('node.object').click();
  await expect(ada.page.getByTestId('composer.task-hint')).toHaveText('0 of 2 objections so far');
  await ada.page.getByTestId('composer.text').fill('Grief is a reason to act, not a reason to negotiate.');
  await ada.page.getByTestId('composer.submit').click();
  await expect(bar(adaCard, 'objections')).toContainText('1 of 2 objections');
  await expect(bar(adaCard, 'objections')).toHaveAttribute('data-complete', 'false');

  const copy = await readMap(teacher.request, slug);
  const thesis = copy.nodes.find((n) => n.kind === 'thesis')!;
  const quoted = copy.nodes.find((n) => n.quote)!;
  const adaView = await readMap(ada.context.request, slug);
  const adaObjection = adaView.nodes.find((n) => n.kind === 'objection' && n.author === 'Ada')!;
  expect(adaObjection).toBeDefined();

  // Her second objection and a quoted reason come from elsewhere (another tab): the card follows the stream.
  const post = async (context: BrowserContext, body: Record<string, unknown>) => {
    const response = await context.request.post(`/api/maps/${slug}/nodes`, { data: body });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { node: { id: string } }).node.id;
  };
  await post(ada.context, { kind: 'objection', text: 'Talks reward the attacker for the attack.', target: thesis.id, relation: 'attacks' });
  await post(ada.context, {
    kind: 'evidence',
    text: 'The essay says so in its own words.',
    target: thesis.id,
    relation: 'supports',
    quote: { start: quoted.quote!.start, end: quoted.quote!.end },
  });
  await expect(bar(adaCard, 'objections')).toContainText('2 of 2 objections');
  await expect(bar(adaCard, 'objections')).toHaveAttribute('data-complete', 'true');
  await expect(bar(adaCard, 'quotes')).toContainText('1 of 1 point quoting the essay');
  await expect(adaCard.getByTestId('my-tasks.summary')).toContainText('2 of 3 done');

  // Ben joins, objects once and rebuts Ada's first objection.
  const ben = await join(browser, baseURL!, code, 'Ben');
  const benCard = ben.page.getByTestId('my-tasks');
  await expect(bar(benCard, 'objections')).toContainText('0 of 2 objections');
  await post(ben.context, { kind: 'objection', text: 'Negotiating now signals weakness to every other group.', target: thesis.id, relation: 'attacks' });
  await post(ben.context, { kind: 'rebuttal', text: 'Acting on grief is exactly what the essay warns against.', target: adaObjection.id, relation: 'attacks' });
  await expect(bar(benCard, 'objections')).toContainText('1 of 2 objections');
  await expect(bar(benCard, 'rebuttals')).toContainText('1 of 1 rebuttal');
  await expect(bar(benCard, 'quotes')).toContainText('0 of 1 point quoting the essay');
  // Each sees only their own: Ada's card did not take Ben's rebuttal.
  await expect(bar(adaCard, 'rebuttals')).toContainText('0 of 1 rebuttal');
  const own = await (await ben.context.request.get(`/api/maps/${slug}/progress`)).json();
  expect(own.students.map((s: { member: { name: string } }) => s.member.name)).toEqual(['Ben']);

  // The card is dismissed, stays so after a reload, and comes back from the header.
  await benCard.getByTestId('my-tasks.dismiss').click();
  await expect(benCard).toHaveCount(0);
  await ben.page.reload();
  await mapDrawn(ben.page);
  await expect(ben.page.getByTestId('map.my-tasks')).toContainText('1/3');
  await expect(benCard).toHaveCount(0);
  await ben.page.getByTestId('map.my-tasks').click();
  await expect(bar(benCard, 'rebuttals')).toContainText('1 of 1 rebuttal');

  // The teacher's panel: both rows, live, with the right numbers.
  const rows = panel.getByTestId('class-panel.row');
  await expect(rows).toHaveCount(2);
  const adaRow = rows.filter({ has: teacherPage.getByRole('button', { name: 'Ada' }) });
  const benRow = rows.filter({ has: teacherPage.getByRole('button', { name: 'Ben' }) });
  await expect(bar(adaRow, 'objections')).toHaveAttribute('data-done', '2');
  await expect(bar(adaRow, 'rebuttals')).toHaveAttribute('data-done', '0');
  await expect(bar(adaRow, 'quotes')).toHaveAttribute('data-done', '1');
  await expect(bar(benRow, 'objections')).toHaveAttribute('data-done', '1');
  await expect(bar(benRow, 'rebuttals')).toHaveAttribute('data-done', '1');
  await expect(bar(benRow, 'quotes')).toHaveAttribute('data-done', '0');
  await expect(adaRow.getByTestId('class-panel.summary')).toContainText('2 objections');
  await expect(panel.getByTestId('class-panel.counts')).toHaveText('2 students · 0 done · 0 not started');

  // Sorted by objections, most first; then by name again.
  await panel.getByTestId('class-panel.sort').filter({ hasText: 'Add objections' }).click();
  await expect(rows.first()).toHaveAttribute('data-name', 'Ada');
  await panel.getByTestId('class-panel.sort').filter({ hasText: 'Add objections' }).click();
  await expect(rows.first()).toHaveAttribute('data-name', 'Ben');
  // Nobody is left not started.
  await panel.getByTestId('class-panel.not-started').check();
  await expect(rows).toHaveCount(0);
  await expect(panel).toContainText('Everyone has started.');
  await panel.getByTestId('class-panel.not-started').uncheck();

  await teacherPage.screenshot({ path: 'test-results/tasks-class-panel-1440.png' });

  // The CSV for the gradebook, downloaded from the panel.
  const [download] = await Promise.all([teacherPage.waitForEvent('download'), panel.getByTestId('class-panel.csv').click()]);
  expect(download.suggestedFilename()).toBe(`${slug}-progress.csv`);
  const bytes = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(bytes as Buffer[]).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...students] = parseCsv(text.slice(1)).filter((r) => r.some((c) => c !== ''));
  expect(header.slice(0, 7)).toEqual([
    'Name',
    'Role',
    'Joined',
    'Last active',
    'Add objections (of 2)',
    'Rebut objections (of 1)',
    'Quote the essay in a point (of 1)',
  ]);
  const byName = new Map(students.map((r) => [r[0], r]));
  expect([...byName.keys()].sort()).toEqual(['Ada', 'Ben']);
  expect(byName.get('Ada')!.slice(4, 7)).toEqual(['2', '0', '1']);
  expect(byName.get('Ben')!.slice(4, 7)).toEqual(['1', '1', '0']);
  expect(byName.get('Ada')![1]).toBe('editor');

  // A student's name opens their points in order; one click singles them out on the map.
  await adaRow.getByTestId('class-panel.student').click();
  const detail = panel.getByTestId('class-panel.detail');
  await expect(detail.locator('ol > li')).toHaveCount(3);
  await expect(detail.locator('ol > li').first()).toContainText('Grief is a reason to act');
  await teacherPage.screenshot({ path: 'test-results/tasks-class-panel-student-1440.png' });
  await detail.getByTestId('class-panel.filter-map').click();
  await expect(panel).toHaveCount(0);
  await expect(teacherPage.getByTestId('filter.count')).toContainText('3 matches');

  // The phone: the Class panel scrolls sideways with the names kept in view; "My tasks" sits over the outline.
  await teacherPage.setViewportSize(PHONE);
  // Opened afresh: the copy's first address (?share=1) would open the sharing panel again.
  await teacherPage.goto(`/maps/${slug}`);
  await mapDrawn(teacherPage);
  await teacherPage.getByTestId('map.class').click();
  await expect(panel.getByTestId('class-panel.row')).toHaveCount(2);
  await teacherPage.screenshot({ path: 'test-results/tasks-class-panel-390.png' });

  await ada.page.keyboard.press('Escape');
  await ada.page.screenshot({ path: 'test-results/tasks-my-tasks-1440.png' });
  await ada.page.setViewportSize(PHONE);
  await expect(adaCard).toBeVisible();
  await ada.page.screenshot({ path: 'test-results/tasks-my-tasks-390.png' });

  // Turning the tasks off takes the students' card away; their work stays in the log.
  await teacherPage.setViewportSize(WIDE);
  // The wide header is another set of buttons; the panel stays open across it.
  await expect(panel.getByTestId('class-panel.row')).toHaveCount(2);
  await panel.getByTestId('class-panel.set-tasks').click();
  await teacherPage.getByTestId('tasks-form.turn-off').click();
  await expect(panel.getByTestId('class-panel.tasks')).toContainText('No tasks set yet');
  await expect(ben.page.getByTestId('my-tasks')).toHaveCount(0);
  await expect(ben.page.getByTestId('map.my-tasks')).toHaveCount(0);
  const after = await (await teacher.request.get(`/api/maps/${slug}/progress`)).json();
  expect(after.students.find((s: { member: { name: string } }) => s.member.name === 'Ada').counts.objections).toBe(2);

  await Promise.all([teacher.close(), ada.context.close(), ben.context.close()]);
});
