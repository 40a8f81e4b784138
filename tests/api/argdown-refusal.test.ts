import { afterAll, expect, test } from 'vitest';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * A broken Argdown file is refused with the line and column of its first problem (issue 11): the
 * three lines below used to import as a map with an objection whose text was "[".
 */
const database = throwawayDatabase('argdown-refusal');
afterAll(() => database.cleanup());

type ErrorAnswer = { error: { message: string; issues: { path: (string | number)[]; message: string }[] } };

test('unclosed titles: 400 naming line 2, column 5, and no map is made', async () => {
  const browser = testBrowser();
  const content = '[A]: claim\n  + <B: unclosed\n  - [';
  const answer = await browser.post<ErrorAnswer>('/api/maps/import', { format: 'argdown', title: 'Broken', content });
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toMatch(/^The Argdown file has 2 syntax errors\. Line 2, column 5: /);
  expect(answer.body.error.issues[0]).toEqual({
    path: ['content'],
    message: expect.stringMatching(/^Line 2, column 5: “<” opens an argument title that is never closed\./),
  });
  expect(answer.body.error.issues[1]).toEqual({ path: ['content'], message: expect.stringMatching(/^Line 3, column 5: “\[” opens a statement title/) });
  expect((await browser.get('/api/maps/broken')).status).toBe(404);
});

test('the same file with its titles closed imports', async () => {
  const content = '[A]: claim\n  + <B>: a reason\n  - [C]: an objection';
  expect((await testBrowser().post('/api/maps/import', { format: 'argdown', title: 'Mended', content })).status).toBe(201);
});
