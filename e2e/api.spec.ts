import { expect, test, type APIRequestContext } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { NODE_TEXT_MAX, REQUEST_BODY_MAX_BYTES } from '../lib/validation/limits';
import { negotiateNowSpec } from '../prisma/seed/negotiate-now';
import {
  SLUG,
  addNode,
  removeAddedNodes,
  api,
  attackersOf,
  deleteNode,
  distinctive,
  expectError,
  expectRefused,
  pick,
  readMap,
  restore,
  unanchored,
  sameMap,
  withoutStatus,
} from './support/api';

// Leave the seeded map as the next spec expects it.
test.afterEach(async ({ request }) => removeAddedNodes(request));

// The API against the production server and its own freshly seeded database (scripts/e2e-server.mjs).
// Tests run one at a time against that one database: each reads the map afresh, finds what it wrote
// by its distinctive text, and undoes its deletes, so none relies on another's writes.

const NODE_FIELDS = ['asOf', 'author', 'id', 'implicit', 'kind', 'own', 'position', 'proposal', 'quote', 'status', 'stockIssue', 'text', 'version'];

/** The offsets of `words` in the map's document, which must contain them exactly once. */
function offsetsOf(view: MapView, words: string): { start: number; end: number } {
  const start = view.document.text.indexOf(words);
  expect(start, `"${words}" in the document`).toBeGreaterThanOrEqual(0);
  expect(view.document.text.indexOf(words, start + 1), `"${words}" only once in the document`).toBe(-1);
  return { start, end: start + words.length };
}

/** A claim that is attacked by an objection which is itself rebutted (in the seed: the hard line failed). */
function debatedClaim(view: MapView) {
  const rebutted = (objection: string) => attackersOf(view, objection).some((id) => view.nodes.find((n) => n.id === id)?.kind === 'rebuttal');
  return pick(view, 'claim', (c) => attackersOf(view, c.id).some(rebutted));
}

test.describe('GET /api/maps/{slug}', () => {
  test('answers the map, its document and its live graph', async ({ request }) => {
    const view = await readMap(request);
    expect(Object.keys(view).sort()).toEqual([
      'commentCounts',
      'conflicts',
      'document',
      'edges',
      'evaluation',
      'inferences',
      'lastEventId',
      'map',
      'nodes',
      'ratings',
      'viewer',
    ]);
    expect(view.map).toEqual({ slug: SLUG, title: expect.any(String), policy: 'open', className: '', anonymous: false });
    expect(view.document).toEqual({
      slug: expect.any(String),
      title: expect.any(String),
      author: 'Haeyoung Kim',
      source: expect.any(String),
      published: '2009-08',
      text: expect.any(String),
    });
    expect(view.document.text).toContain('The Time is Now to Negotiate with North Korea');

    // Every seeded node is there (seed keys become ids prefixed by the map's slug).
    const ids = new Set(view.nodes.map((n) => n.id));
    for (const spec of negotiateNowSpec.nodes) expect(ids.has(`${SLUG}.${spec.key}`), spec.key).toBe(true);
    expect(view.nodes.filter((n) => n.kind === 'thesis')).toHaveLength(1);

    for (const node of view.nodes) {
      expect(Object.keys(node).sort(), node.id).toEqual(NODE_FIELDS);
      expect(typeof node.text).toBe('string');
      expect(node.version).toBeGreaterThanOrEqual(1);
      if (node.quote) {
        expect(view.document.text.slice(node.quote.start, node.quote.end), node.id).toBe(node.quote.text);
        expect(node.quote.end).toBeGreaterThan(node.quote.start);
      }
      if (node.implicit) expect(node.quote, node.id).toBeNull();
    }
    expect(view.nodes.filter((n) => n.quote !== null).length).toBeGreaterThanOrEqual(20);
    expect(view.nodes.some((n) => n.implicit)).toBe(true);

    const inferenceIds = new Set(view.inferences.map((i) => i.id));
    for (const inf of view.inferences) {
      expect(ids.has(inf.conclusion), inf.id).toBe(true);
      expect(inf.premises.length, inf.id).toBeGreaterThan(0);
      for (const p of inf.premises) expect(ids.has(p), `${inf.id}: ${p}`).toBe(true);
    }
    for (const c of view.conflicts) {
      expect(ids.has(c.attacker), c.id).toBe(true);
      if ('node' in c.target) expect(ids.has(c.target.node), c.id).toBe(true);
      else expect(inferenceIds.has(c.target.inference), c.id).toBe(true);
    }

    const premiseCount = view.inferences.reduce((sum, i) => sum + i.premises.length, 0);
    expect(view.edges).toHaveLength(premiseCount + view.conflicts.length);
    for (const e of view.edges) {
      expect(ids.has(e.from), e.id).toBe(true);
      expect(ids.has(e.to), e.id).toBe(true);
      expect(['supports', 'attacks']).toContain(e.relation);
    }
    expect(view.edges.filter((e) => e.undercut)).toHaveLength(view.conflicts.filter((c) => 'inference' in c.target).length);
    expect(view.edges.filter((e) => e.undercut).length).toBeGreaterThanOrEqual(1);
    expect(unanchored(view)).toEqual([]);
  });

  test('an unknown map is 404 with an error body', async ({ request }) => {
    const body = await expectError(await request.get(api.map('no-such-map')), 404);
    expect(body.error.message).toContain('no-such-map');
  });
});

test.describe('POST /api/maps/{slug}/nodes', () => {
  test('an objection attacking a claim', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const text = distinctive('objection to a claim');
    const { node, edge } = await addNode(request, { kind: 'objection', text, target: claim.id, relation: 'attacks', author: '  Ada  ' });

    expect(node).toEqual({
      id: expect.any(String),
      kind: 'objection',
      text,
      quote: null,
      implicit: false,
      asOf: null,
      stockIssue: null,
      proposal: false,
      author: 'Ada',
      position: null,
      version: 1,
    });
    expect(edge).toEqual({ id: expect.any(String), from: node.id, to: claim.id, relation: 'attacks', conflict: expect.any(String) });

    const after = await readMap(request);
    expect(after.nodes).toContainEqual({ ...node, status: 'stands', own: true });
    expect(after.edges).toContainEqual(edge);
    expect(after.conflicts).toContainEqual({ id: edge.conflict, attacker: node.id, target: { node: claim.id } });
  });

  test('an author left blank is "Anonymous"', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const { node } = await addNode(request, { kind: 'objection', text: distinctive('anonymous'), target: claim.id, relation: 'attacks', author: '   ' });
    expect(node.author).toBe('Anonymous');
  });

  test('evidence that supports a claim with a quote: the server fills in the quoted words', async ({ request }) => {
    const view = await readMap(request);
    const claim = pick(view, 'claim');
    const offsets = offsetsOf(view, 'gave birth to real hope that reunification was not only possible, but inevitable');
    const text = distinctive('quoted evidence');
    const { node, edge } = await addNode(request, { kind: 'evidence', text, target: claim.id, relation: 'supports', quote: offsets });

    expect(node.quote).toEqual({ ...offsets, text: view.document.text.slice(offsets.start, offsets.end) });
    expect(node.quote!.text).toBe('gave birth to real hope that reunification was not only possible, but inevitable');
    expect(edge).toEqual({ id: expect.any(String), from: node.id, to: claim.id, relation: 'supports', inference: expect.any(String) });

    const after = await readMap(request);
    expect(withoutStatus(after.nodes.find((n) => n.text === text))).toEqual(node);
    expect(after.inferences).toContainEqual({ id: edge.inference, conclusion: claim.id, premises: [node.id], scheme: null });
    expect(after.edges).toContainEqual(edge);
  });

  test('an objection aimed at an inference is an undercut', async ({ request }) => {
    const view = await readMap(request);
    const inference = view.inferences.find((i) => i.premises.length > 1)!;
    const { node, edge } = await addNode(request, { kind: 'objection', text: distinctive('undercut'), target: inference.id, relation: 'attacks' });

    expect(edge).toEqual({
      id: expect.any(String),
      from: node.id,
      to: inference.conclusion,
      relation: 'attacks',
      undercut: true,
      conflict: expect.any(String),
      inference: inference.id,
    });
    const after = await readMap(request);
    expect(after.edges).toContainEqual(edge);
    expect(after.conflicts).toContainEqual({ id: edge.conflict, attacker: node.id, target: { inference: inference.id } });
  });

  test('an unstated premise that supports an inference joins it as a linked premise', async ({ request }) => {
    const view = await readMap(request);
    const inference = view.inferences.find((i) => i.premises.length === 1)!;
    const text = distinctive('linked premise');
    const { node, edge } = await addNode(request, { kind: 'premise', text, target: inference.id, relation: 'supports', implicit: true });

    expect(node).toMatchObject({ kind: 'premise', text, implicit: true, quote: null });
    expect(edge).toEqual({ id: `${inference.id}~${node.id}`, from: node.id, to: inference.conclusion, relation: 'supports', inference: inference.id });
    const after = await readMap(request);
    expect(after.inferences.find((i) => i.id === inference.id)?.premises).toEqual([...inference.premises, node.id]);
  });

  test('a rebuttal of an objection', async ({ request }) => {
    const objection = pick(await readMap(request), 'objection');
    const { node, edge } = await addNode(request, { kind: 'rebuttal', text: distinctive('rebuttal'), target: objection.id, relation: 'attacks' });
    expect(edge).toMatchObject({ from: node.id, to: objection.id, relation: 'attacks' });
    expect(edge).not.toHaveProperty('undercut');
  });

  test.describe('refused requests answer with an error and write nothing', () => {
    const objectionTo = (target: string) => ({ kind: 'objection', text: distinctive('refused'), target, relation: 'attacks' });

    type Case = {
      name: string;
      status: number;
      path?: (string | number)[];
      send: (request: APIRequestContext, view: MapView) => ReturnType<APIRequestContext['post']>;
    };
    const post = (request: APIRequestContext, data: unknown) => request.post(api.nodes(), { data });
    const cases: Case[] = [
      {
        name: 'malformed JSON (400)',
        status: 400,
        send: (request) => request.post(api.nodes(), { data: '{"kind": "objection", "text": ', headers: { 'content-type': 'application/json' } }),
      },
      {
        name: 'a body that is not JSON at all (400)',
        status: 400,
        send: (request) => request.post(api.nodes(), { data: '', headers: { 'content-type': 'application/json' } }),
      },
      {
        name: 'a content type other than JSON (415)',
        status: 415,
        send: (request, view) =>
          request.post(api.nodes(), { data: JSON.stringify(objectionTo(pick(view, 'claim').id)), headers: { 'content-type': 'text/plain' } }),
      },
      {
        name: 'a form post (415)',
        status: 415,
        send: (request, view) =>
          request.post(api.nodes(), { form: { kind: 'objection', text: 'Form-encoded.', target: pick(view, 'claim').id, relation: 'attacks' } }),
      },
      {
        name: `a body over ${REQUEST_BODY_MAX_BYTES / 1024} KB (413)`,
        status: 413,
        send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), text: 'x'.repeat(REQUEST_BODY_MAX_BYTES + 1) }),
      },
      { name: 'empty text', status: 400, path: ['text'], send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), text: '' }) },
      {
        name: 'whitespace-only text',
        status: 400,
        path: ['text'],
        send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), text: '   \n  ' }),
      },
      {
        name: `text over ${NODE_TEXT_MAX} characters`,
        status: 400,
        path: ['text'],
        send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), text: 'x'.repeat(NODE_TEXT_MAX + 1) }),
      },
      {
        name: 'an unknown kind',
        status: 400,
        path: ['kind'],
        send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), kind: 'musing' }),
      },
      {
        name: 'a second thesis',
        status: 409,
        path: ['kind'],
        send: (request) => post(request, { kind: 'thesis', text: distinctive('thesis') }),
      },
      {
        name: 'a thesis that supports something',
        status: 400,
        path: ['relation'],
        send: (request, view) => post(request, { kind: 'thesis', text: distinctive('thesis'), target: pick(view, 'claim').id, relation: 'supports' }),
      },
      { name: 'an extra field', status: 400, path: [], send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), id: 'chosen-id' }) },
      {
        name: 'an objection that "supports"',
        status: 400,
        path: ['relation'],
        send: (request, view) => post(request, { ...objectionTo(pick(view, 'claim').id), relation: 'supports' }),
      },
      {
        name: 'a quote that ends beyond the document',
        status: 400,
        path: ['quote', 'end'],
        send: (request, view) =>
          post(request, {
            kind: 'evidence',
            text: distinctive('quote past the end'),
            target: pick(view, 'claim').id,
            relation: 'supports',
            quote: { start: view.document.text.length - 5, end: view.document.text.length + 1 },
          }),
      },
      {
        name: 'a quote of nothing but whitespace',
        status: 400,
        path: ['quote'],
        send: (request, view) => {
          const start = view.document.text.indexOf('\n\n');
          return post(request, {
            kind: 'evidence',
            text: distinctive('blank quote'),
            target: pick(view, 'claim').id,
            relation: 'supports',
            quote: { start, end: start + 2 },
          });
        },
      },
      {
        name: 'a quote that ends before it starts',
        status: 400,
        path: ['quote', 'end'],
        send: (request, view) =>
          post(request, {
            kind: 'evidence',
            text: distinctive('backwards'),
            target: pick(view, 'claim').id,
            relation: 'supports',
            quote: { start: 20, end: 10 },
          }),
      },
      { name: 'a target that is not on this map', status: 400, path: ['target'], send: (request) => post(request, objectionTo(`${SLUG}.no-such-node`)) },
      {
        name: 'a rebuttal aimed at a claim',
        status: 400,
        path: ['target'],
        send: (request, view) =>
          post(request, { kind: 'rebuttal', text: distinctive('misaimed rebuttal'), target: pick(view, 'claim').id, relation: 'attacks' }),
      },
      {
        name: 'a rebuttal aimed at an inference',
        status: 400,
        path: ['target'],
        send: (request, view) =>
          post(request, { kind: 'rebuttal', text: distinctive('rebuttal of inference'), target: view.inferences[0].id, relation: 'attacks' }),
      },
      {
        name: 'an unknown map (404)',
        status: 404,
        send: (request, view) => request.post(api.nodes('no-such-map'), { data: objectionTo(pick(view, 'claim').id) }),
      },
    ];

    for (const c of cases) {
      test(c.name, async ({ request }) => {
        const view = await readMap(request);
        await expectRefused(request, () => c.send(request, view), c.status, c.path);
      });
    }
  });
});

test.describe('PATCH /api/maps/{slug}/nodes/{id}', () => {
  test('an edit with the current version is saved and bumps the version', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const { node } = await addNode(request, { kind: 'objection', text: distinctive('to edit'), target: claim.id, relation: 'attacks' });
    const text = distinctive('edited');

    const response = await request.patch(api.node(node.id), { data: { text: `  ${text}  `, version: node.version } });
    expect(response.status(), await response.text()).toBe(200);
    const { node: edited } = await response.json();
    expect(edited).toEqual({ ...node, text, version: node.version + 1 });
    expect(withoutStatus((await readMap(request)).nodes.find((n) => n.id === node.id))).toEqual(edited);
  });

  test('an edit based on a stale version is refused with 409 and the current node', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const { node } = await addNode(request, { kind: 'objection', text: distinctive('contested'), target: claim.id, relation: 'attacks' });
    const first = distinctive('first edit');
    const saved = await request.patch(api.node(node.id), { data: { text: first, version: node.version } });
    expect(saved.status(), await saved.text()).toBe(200);

    const body = await expectRefused(request, () => request.patch(api.node(node.id), { data: { text: distinctive('lost edit'), version: node.version } }), 409);
    expect(body.current).toEqual({ ...node, text: first, version: node.version + 1 });
  });

  test('saving a position keeps the text and the version; null clears it', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const { node } = await addNode(request, { kind: 'objection', text: distinctive('moved'), target: claim.id, relation: 'attacks' });

    const moved = await request.patch(api.node(node.id), { data: { position: { x: 120.5, y: -40 } } });
    expect(moved.status(), await moved.text()).toBe(200);
    expect((await moved.json()).node).toEqual({ ...node, position: { x: 120.5, y: -40 } });
    expect((await readMap(request)).nodes.find((n) => n.id === node.id)?.position).toEqual({ x: 120.5, y: -40 });

    const cleared = await request.patch(api.node(node.id), { data: { position: null } });
    expect(cleared.status(), await cleared.text()).toBe(200);
    expect(withoutStatus((await readMap(request)).nodes.find((n) => n.id === node.id))).toEqual(node);
  });

  test('text without a version is refused', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    await expectRefused(request, () => request.patch(api.node(claim.id), { data: { text: distinctive('unversioned') } }), 400, ['version']);
  });

  test('an empty change is refused', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    await expectRefused(request, () => request.patch(api.node(claim.id), { data: {} }), 400);
  });

  test('an unknown node is 404', async ({ request }) => {
    await expectRefused(request, () => request.patch(api.node(`${SLUG}.no-such-node`), { data: { position: { x: 1, y: 1 } } }), 404);
  });
});

test.describe('DELETE /api/maps/{slug}/nodes/{id} and restore', () => {
  test('deleting a claim removes what hangs from it; restoring brings all of it back', async ({ request }) => {
    const before = await readMap(request);
    const claim = debatedClaim(before);
    const objections = attackersOf(before, claim.id);
    const rebuttals = objections.flatMap((o) => attackersOf(before, o));
    // Reasons given only for this claim.
    const ownReasons = before.inferences
      .filter((i) => i.conclusion === claim.id)
      .flatMap((i) => i.premises)
      .filter((p) => before.inferences.every((i) => i.conclusion === claim.id || !i.premises.includes(p)));
    expect(ownReasons.length).toBeGreaterThan(0);
    expect(rebuttals.length).toBeGreaterThan(0);

    const { deletionId, removed } = await deleteNode(request, claim.id);
    expect(removed[0]).toBe(claim.id);
    expect(removed).toEqual(expect.arrayContaining([claim.id, ...objections, ...rebuttals, ...ownReasons]));
    expect(removed).not.toContain(pick(before, 'thesis').id);

    const during = await readMap(request);
    const gone = new Set(removed);
    expect(during.nodes.filter((n) => gone.has(n.id))).toEqual([]);
    expect(during.nodes).toEqual(before.nodes.filter((n) => !gone.has(n.id)));
    expect(during.edges.filter((e) => gone.has(e.from) || gone.has(e.to))).toEqual([]);
    expect(during.inferences.filter((i) => i.conclusion === claim.id)).toEqual([]);
    expect(unanchored(during)).toEqual([]);

    const { restored } = await restore(request, deletionId);
    expect([...restored].sort()).toEqual([...removed].sort());
    const after = await readMap(request);
    expect(after.nodes).toEqual(before.nodes);
    expect(sameMap(after)).toEqual(sameMap(before));

    // The same undo a second time: nothing left to restore.
    await expectRefused(request, () => request.post(api.restore(deletionId)), 404);
  });

  test('deleting a leaf removes only that node', async ({ request }) => {
    const before = await readMap(request);
    const rebuttal = pick(before, 'rebuttal', (r) => attackersOf(before, r.id).length === 0);
    const { deletionId, removed } = await deleteNode(request, rebuttal.id);
    try {
      expect(removed).toEqual([rebuttal.id]);
    } finally {
      await restore(request, deletionId);
    }
    expect(sameMap(await readMap(request))).toEqual(sameMap(before));
  });

  test('the thesis cannot be deleted', async ({ request }) => {
    const thesis = pick(await readMap(request), 'thesis');
    await expectRefused(request, () => request.delete(api.node(thesis.id)), 400);
  });

  test('an unknown node or deletion is 404', async ({ request }) => {
    await expectRefused(request, () => request.delete(api.node(`${SLUG}.no-such-node`)), 404);
    await expectRefused(request, () => request.post(api.restore('00000000-0000-4000-8000-000000000000')), 404);
  });

  // When the only premise of an inference is deleted, the inference can no longer stand and the map
  // drops it, and with it any undercut of it. The undercutting objection then attacks nothing: it must
  // go with the premise rather than stay on the map as a stray fragment.
  test('deleting the only premise of an undercut inference removes the undercut too', async ({ request }) => {
    const claim = pick(await readMap(request), 'claim');
    const { node: evidence, edge } = await addNode(request, { kind: 'evidence', text: distinctive('sole premise'), target: claim.id, relation: 'supports' });
    const { node: undercut } = await addNode(request, {
      kind: 'objection',
      text: distinctive('undercut of sole premise'),
      target: edge.inference,
      relation: 'attacks',
    });

    const { deletionId, removed } = await deleteNode(request, evidence.id);
    try {
      expect(removed).toEqual([evidence.id, undercut.id]);
      expect(unanchored(await readMap(request))).toEqual([]);
    } finally {
      await restore(request, deletionId);
    }
  });

  // An inference whose conclusion was deleted is gone from the map; a new node must not attach to it.
  test('a node cannot be added to an inference whose conclusion was deleted', async ({ request }) => {
    const parent = pick(await readMap(request), 'claim');
    const { node: claim } = await addNode(request, { kind: 'claim', text: distinctive('doomed claim'), target: parent.id, relation: 'supports' });
    const { edge } = await addNode(request, { kind: 'evidence', text: distinctive('doomed evidence'), target: claim.id, relation: 'supports' });
    const { deletionId } = await deleteNode(request, claim.id);
    try {
      await expectRefused(
        request,
        () =>
          request.post(api.nodes(), {
            data: { kind: 'objection', text: distinctive('undercut of a deleted inference'), target: edge.inference, relation: 'attacks' },
          }),
        400,
        ['target'],
      );
      await expectRefused(
        request,
        () =>
          request.post(api.nodes(), {
            data: { kind: 'premise', text: distinctive('premise of a deleted inference'), target: edge.inference, relation: 'supports' },
          }),
        400,
        ['target'],
      );
    } finally {
      await restore(request, deletionId);
    }
  });
});

test.describe('PUT /api/maps/{slug}/positions', () => {
  test('saves and clears many positions at once', async ({ request }) => {
    const before = await readMap(request);
    const [a, b] = before.nodes.filter((n) => n.position === null);
    const saved = await request.put(api.positions(), { data: { positions: { [a.id]: { x: 10, y: 20 }, [b.id]: { x: -30.25, y: 40 } } } });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await saved.json()).toEqual({ updated: 2 });

    const during = await readMap(request);
    expect(during.nodes.find((n) => n.id === a.id)).toEqual({ ...a, position: { x: 10, y: 20 } });
    expect(during.nodes.find((n) => n.id === b.id)).toEqual({ ...b, position: { x: -30.25, y: 40 } });

    const cleared = await request.put(api.positions(), { data: { positions: { [a.id]: null, [b.id]: null } } });
    expect(cleared.status(), await cleared.text()).toBe(200);
    expect(sameMap(await readMap(request))).toEqual(sameMap(before));
  });

  test('an unknown id refuses the whole request and writes nothing', async ({ request }) => {
    const view = await readMap(request);
    const known = pick(view, 'claim', (n) => n.position === null);
    const missing = `${SLUG}.no-such-node`;
    await expectRefused(request, () => request.put(api.positions(), { data: { positions: { [known.id]: { x: 5, y: 5 }, [missing]: { x: 1, y: 1 } } } }), 400, [
      'positions',
      missing,
    ]);
  });

  test('a coordinate out of range is refused', async ({ request }) => {
    const known = pick(await readMap(request), 'claim');
    await expectRefused(request, () => request.put(api.positions(), { data: { positions: { [known.id]: { x: 1e9, y: 0 } } } }), 400, [
      'positions',
      known.id,
      'x',
    ]);
  });
});

test('undoing deletes out of order brings back what the restored point rests on', async ({ request }) => {
  const before = await readMap(request);
  const claim = `${SLUG}.claim-sunshine-worked`;
  const evidence = `${SLUG}.ev-nobel`;
  const first = await deleteNode(request, evidence);
  const second = await deleteNode(request, claim);
  // Restore the first delete only: the evidence needs its claim, so the claim's delete is undone too.
  const { restored } = await restore(request, first.deletionId);
  expect(restored).toEqual(expect.arrayContaining([evidence, claim]));
  const after = await readMap(request);
  expect(unanchored(after)).toEqual([]);
  expect(after.nodes.map((n) => n.id).sort()).toEqual(before.nodes.map((n) => n.id).sort());
  // The second delete was undone with it.
  expect((await request.post(api.restore(second.deletionId))).status()).toBe(404);
});
