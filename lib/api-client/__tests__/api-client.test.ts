import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { logIn, signUp } from '../auth';
import { changeInvite, copyMap, getSharing, removeMember, setMemberRole } from '../classes';
import { addComment, castVote, deleteComment, editComment, getVote, listComments } from '../discussion';
import { listDeletions } from '../deletions';
import { getSuggestions } from '../documents';
import { briefUrl, exportUrl, progressCsvUrl } from '../downloads';
import { ApiError, isOfflineError, OFFLINE_MESSAGE } from '../errors';
import { serverIsHealthy } from '../health';
import { getHistory } from '../history';
import { joinClass } from '../invites';
import { eventsUrl } from '../live';
import { getMap, updateMap } from '../maps';
import { createDocument, importMap } from '../new-maps';
import { createConnection, createNode, deleteNode, restoreDeletion, savePositions, updateInference, updateNode } from '../nodes';
import { apiPath } from '../paths';
import { withQuery } from '../query';
import { onServerReach } from '../request';
import { getSignedInUser, logOut } from '../session';
import { getProgress, getTasks } from '../progress';
import { clearTasks, setTasks } from '../tasks';

/**
 * The components' one way to the API (lib/api-client): every address built in one place with each
 * segment encoded, the same headers and error handling on every request, and one function per
 * endpoint with the method and path the route answers.
 */

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  cache: RequestCache | undefined;
}

let sent: Sent[];
let answer: () => Promise<Response>;
let storage: Map<string, string>;

beforeEach(() => {
  sent = [];
  answer = async () => Response.json({ ok: true });
  storage = new Map();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      cache: init.cache,
    });
    return answer();
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('addresses', () => {
  test('each segment is encoded, so a slug or id with / ? # or spaces stays one segment', () => {
    expect(apiPath('maps', 'op ed/1?x#y', 'nodes', 'ä')).toBe('/api/maps/op%20ed%2F1%3Fx%23y/nodes/%C3%A4');
  });

  test('a query leaves out what is undefined and encodes the rest', () => {
    expect(withQuery('/api/x', { a: 'b c', n: 0, gone: undefined, e: '' })).toBe('/api/x?a=b+c&n=0&e=');
    expect(withQuery('/api/x', { gone: undefined })).toBe('/api/x');
  });

  test('downloads and the live stream are the addresses the components built by hand before', () => {
    expect(exportUrl('negotiate-now', 'aif')).toBe('/api/maps/negotiate-now/export?format=aif');
    expect(briefUrl('negotiate-now', { side: 'negative' })).toBe('/api/maps/negotiate-now/brief?side=negative&format=markdown');
    expect(briefUrl('negotiate-now', { side: 'affirmative', asOf: '2009-08' })).toBe(
      '/api/maps/negotiate-now/brief?side=affirmative&format=markdown&asOf=2009-08',
    );
    expect(briefUrl('negotiate-now', { side: 'affirmative', asOf: null })).toBe('/api/maps/negotiate-now/brief?side=affirmative&format=markdown');
    expect(progressCsvUrl('class-copy')).toBe('/api/maps/class-copy/progress.csv');
    expect(eventsUrl('negotiate-now', { after: 42, client: 'abc-1', name: 'Ada L' })).toBe('/api/maps/negotiate-now/events?after=42&client=abc-1&name=Ada+L');
    expect(eventsUrl('negotiate-now', { after: 0, client: 'abc-1', name: '' })).toBe('/api/maps/negotiate-now/events?after=0&client=abc-1&name=');
  });
});

describe('requests', () => {
  test('a request names this browser (the same ids every time, made once) and sends its body as JSON, never cached', async () => {
    storage.set('argmap.author', 'Zoë K');
    await createNode('m', { kind: 'claim', text: 'A claim.' });
    await getMap('m');
    const [post, get] = sent;
    expect(post).toMatchObject({ url: '/api/maps/m/nodes', method: 'POST', body: { kind: 'claim', text: 'A claim.' }, cache: 'no-store' });
    expect(post.headers).toEqual({
      'X-Argmap-Client': storage.get('argmap.client'),
      'X-Argmap-Owner': storage.get('argmap.owner'),
      'X-Argmap-Name': 'Zo%C3%AB%20K',
      'Content-Type': 'application/json',
    });
    expect(storage.get('argmap.client')).toMatch(/^[0-9a-f]{32}$/);
    expect(storage.get('argmap.owner')).toMatch(/^[0-9a-f]{32}$/);
    expect(storage.get('argmap.owner')).not.toBe(storage.get('argmap.client'));
    // No body, no content type.
    expect(get).toMatchObject({ url: '/api/maps/m', method: 'GET', body: undefined, cache: 'no-store' });
    expect(get.headers).toEqual({
      'X-Argmap-Client': storage.get('argmap.client'),
      'X-Argmap-Owner': storage.get('argmap.owner'),
      'X-Argmap-Name': 'Zo%C3%AB%20K',
    });
  });

  test('a refusal throws ApiError with the server’s message, status and field issues', async () => {
    const body = { error: { message: 'The request is not valid.', issues: [{ path: ['text'], message: 'Write at least 3 characters.' }] } };
    answer = async () => Response.json(body, { status: 400 });
    const error = await addComment('m', 'n1', { text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ message: 'The request is not valid.', status: 400, issues: body.error.issues, body, offline: false });
    expect(isOfflineError(error)).toBe(false);
  });

  test('a refusal without an error body says the status', async () => {
    answer = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    await expect(getVote('m', 'n1')).rejects.toMatchObject({ message: 'The server answered 502.', status: 502, issues: [], body: null });
  });

  test('a request that never reaches the server is an offline ApiError (status 0), and the page is told', async () => {
    const reached: boolean[] = [];
    const stop = onServerReach((r) => reached.push(r));
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await deleteNode('m', 'n1').catch((e: unknown) => e);
    expect(error).toMatchObject({ message: OFFLINE_MESSAGE, status: 0, offline: true });
    expect(isOfflineError(error)).toBe(true);
    answer = async () => Response.json({ error: { message: 'No.', issues: [] } }, { status: 403 });
    await deleteNode('m', 'n1').catch(() => undefined);
    stop();
    await getMap('m').catch(() => undefined);
    // Any answer, even a refusal, reached the server; after unsubscribing nothing more is told.
    expect(reached).toEqual([false, true]);
  });

  test('the account menu’s questions and the health probe are bare: no ids made or sent, nothing told', async () => {
    const reached: boolean[] = [];
    const stop = onServerReach((r) => reached.push(r));
    answer = async () => Response.json({ user: { id: 'u1', username: 'ada' } });
    expect(await getSignedInUser()).toEqual({ user: { id: 'u1', username: 'ada' } });
    answer = async () => Response.json({ ok: true });
    await logOut();
    answer = async () => Response.json({ status: 'ok' });
    expect(await serverIsHealthy()).toBe(true);
    answer = async () => Response.json({ status: 'error' }, { status: 503 });
    expect(await serverIsHealthy()).toBe(false);
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await serverIsHealthy()).toBe(false);
    await expect(getSignedInUser()).rejects.toMatchObject({ offline: true });
    stop();
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
      ['GET', '/api/health'],
      ['GET', '/api/health'],
      ['GET', '/api/health'],
      ['GET', '/api/auth/me'],
    ]);
    for (const s of sent) expect(s.headers).toEqual({});
    expect(storage.size).toBe(0);
    expect(reached).toEqual([]);
  });

  test('who is signed in: an answer that is not JSON reads as no one', async () => {
    answer = async () => new Response('not json', { status: 200 });
    expect(await getSignedInUser()).toEqual({ user: null });
  });
});

describe('one function per endpoint', () => {
  const body = { any: 'body' } as never;
  test.each([
    ['signUp', () => signUp(body), 'POST', '/api/auth/signup', body],
    ['logIn', () => logIn(body), 'POST', '/api/auth/login', body],
    ['getMap', () => getMap('a b'), 'GET', '/api/maps/a%20b', undefined],
    ['updateMap', () => updateMap('m', body), 'PATCH', '/api/maps/m', body],
    ['importMap', () => importMap(body), 'POST', '/api/maps/import', body],
    ['getHistory', () => getHistory('m'), 'GET', '/api/maps/m/history', undefined],
    ['listDeletions', () => listDeletions('m'), 'GET', '/api/maps/m/deletions', undefined],
    ['restoreDeletion', () => restoreDeletion('m', 'd/1'), 'POST', '/api/maps/m/deletions/d%2F1/restore', undefined],
    ['createNode', () => createNode('m', body), 'POST', '/api/maps/m/nodes', body],
    ['updateNode', () => updateNode('m', 'n1', body), 'PATCH', '/api/maps/m/nodes/n1', body],
    ['deleteNode', () => deleteNode('m', 'n1'), 'DELETE', '/api/maps/m/nodes/n1', undefined],
    ['updateInference', () => updateInference('m', 'i1', body), 'PATCH', '/api/maps/m/inferences/i1', body],
    ['createConnection', () => createConnection('m', body), 'POST', '/api/maps/m/connections', body],
    ['savePositions', () => savePositions('m', body), 'PUT', '/api/maps/m/positions', body],
    ['listComments', () => listComments('m', 'n1'), 'GET', '/api/maps/m/nodes/n1/comments', undefined],
    ['addComment', () => addComment('m', 'n1', body), 'POST', '/api/maps/m/nodes/n1/comments', body],
    ['editComment', () => editComment('m', 'c1', body), 'PATCH', '/api/maps/m/comments/c1', body],
    ['deleteComment', () => deleteComment('m', 'c1'), 'DELETE', '/api/maps/m/comments/c1', undefined],
    ['getVote', () => getVote('m', 'n1'), 'GET', '/api/maps/m/nodes/n1/vote', undefined],
    ['castVote', () => castVote('m', 'n1', { value: null }), 'PUT', '/api/maps/m/nodes/n1/vote', { value: null }],
    ['copyMap', () => copyMap('m', body), 'POST', '/api/maps/m/copies', body],
    ['joinClass', () => joinClass('GFMYKK', body), 'POST', '/api/invites/GFMYKK', body],
    ['getSharing', () => getSharing('m'), 'GET', '/api/maps/m/members', undefined],
    ['changeInvite', () => changeInvite('m', body), 'PUT', '/api/maps/m/invite', body],
    ['setMemberRole', () => setMemberRole('m', 'u1', body), 'PATCH', '/api/maps/m/members/u1', body],
    ['removeMember', () => removeMember('m', 'u1'), 'DELETE', '/api/maps/m/members/u1', undefined],
    ['getTasks', () => getTasks('m'), 'GET', '/api/maps/m/tasks', undefined],
    ['setTasks', () => setTasks('m', body), 'PUT', '/api/maps/m/tasks', body],
    ['clearTasks', () => clearTasks('m'), 'DELETE', '/api/maps/m/tasks', undefined],
    ['getProgress', () => getProgress('m'), 'GET', '/api/maps/m/progress', undefined],
    ['createDocument', () => createDocument(body), 'POST', '/api/documents', body],
    ['getSuggestions', () => getSuggestions('essay'), 'GET', '/api/documents/essay/suggestions', undefined],
  ] as const)('%s', async (_name, call, method, url, sentBody) => {
    await call();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method, url, body: sentBody });
    expect('Content-Type' in sent[0].headers).toBe(sentBody !== undefined);
  });
});
