import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ArgdownApplication, ArgdownTypes, DataPlugin, ModelPlugin, ParserPlugin, RelationType } from '@argdown/core';
import { fromArgdown } from '../lib/argument/interchange/argdown-import';
import { slugify } from '../lib/argument/interchange/map-slug';
import type { MapView } from '../lib/argument/map-view';
import { IMPORT_BODY_MAX_BYTES, IMPORT_CONTENT_MAX_BYTES } from '../lib/validation/limits';
import { SLUG, distinctive, expectError, readMap } from './support/api';

// Import and export through the API, against the e2e server and its freshly seeded database.
// Every import gets a distinctive title, so its slug is new in this run and a refused import can be
// checked by asking for the slug it would have had.

const FIXTURES = path.join(__dirname, '..', 'lib', 'argument', 'interchange', '__tests__', 'fixtures');
const fixtures = (folder: 'aif' | 'argdown') =>
  readdirSync(path.join(FIXTURES, folder))
    .sort()
    .map((name) => ({ name, content: readFileSync(path.join(FIXTURES, folder, name), 'utf8') }));

const exportUrl = (format: string, slug = SLUG) => `/api/maps/${slug}/export${format ? `?format=${format}` : ''}`;
const IMPORT_URL = '/api/maps/import';

/** POST /api/maps/import, expecting 201 `{ map: { slug }, merged: { inferences, conflicts } }`; returns the slug. */
async function importFile(request: APIRequestContext, format: 'aif' | 'argdown', content: string, title = distinctive(`import ${format}`)) {
  const response = await request.post(IMPORT_URL, { data: { format, title, content } });
  const text = await response.text();
  expect(response.status(), text).toBe(201);
  const body = JSON.parse(text) as { map: { slug: string } };
  expect(body).toEqual({ map: { slug: expect.any(String) }, merged: { inferences: expect.any(Number), conflicts: expect.any(Number) } });
  expect(response.headers()['location']).toBe(`/api/maps/${body.map.slug}`);
  return body.map.slug;
}

/** Expects that no map has `slug` (a refused import wrote nothing). */
async function expectNoMap(request: APIRequestContext, slug: string) {
  await expectError(await request.get(`/api/maps/${slug}`), 404);
}

/** Parses Argdown with `@argdown/core` itself: parser, data and model plugins. */
function parseArgdown(text: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'silent' });
}

test.describe('GET /api/maps/{slug}/export', () => {
  test('format=argdown: an .argdown download that @argdown/core parses, with the map’s statements, arguments and relations', async ({ request }) => {
    const view = await readMap(request);
    const response = await request.get(exportUrl('argdown'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain; charset=utf-8/);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}.argdown"`);

    const parsed = parseArgdown(await response.text());
    expect([...(parsed.lexerErrors ?? []), ...(parsed.parserErrors ?? []), ...(parsed.exceptions ?? [])]).toEqual([]);
    expect(Object.keys(parsed.statements ?? {})).toHaveLength(view.nodes.length);
    const args = Object.values(parsed.arguments ?? {});
    expect(args).toHaveLength(view.inferences.length);
    expect(args.reduce((sum, a) => sum + a.pcs.length - 1, 0)).toBe(view.inferences.reduce((sum, i) => sum + i.premises.length, 0));
    const relations = parsed.relations ?? [];
    const attacks = relations.filter((r) => r.relationType === RelationType.ATTACK && r.to?.type === ArgdownTypes.EQUIVALENCE_CLASS);
    const undercuts = relations.filter((r) => r.relationType === RelationType.UNDERCUT && r.to?.type === ArgdownTypes.INFERENCE);
    expect(attacks).toHaveLength(view.conflicts.filter((c) => 'node' in c.target).length);
    expect(undercuts).toHaveLength(view.conflicts.filter((c) => 'inference' in c.target).length);
    expect(undercuts.length).toBeGreaterThan(0);
  });

  test('format=aif: an .aif.json download with an I-node per node, an RA per inference, a CA per conflict', async ({ request }) => {
    const view = await readMap(request);
    const response = await request.get(exportUrl('aif'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}.aif.json"`);

    const aif = (await response.json()) as { nodes: { nodeID: string; type: string; scheme?: string }[]; edges: { fromID: string; toID: string }[] };
    const count = (type: string) => aif.nodes.filter((n) => n.type === type).length;
    expect(count('I')).toBe(view.nodes.length);
    expect(count('RA')).toBe(view.inferences.length);
    expect(count('CA')).toBe(view.conflicts.length);
    expect(aif.nodes).toHaveLength(view.nodes.length + view.inferences.length + view.conflicts.length);
    expect(aif.edges).toHaveLength(view.inferences.reduce((sum, i) => sum + i.premises.length + 1, 0) + 2 * view.conflicts.length);
    expect(aif.nodes.filter((n) => n.type === 'RA' && n.scheme)).toHaveLength(view.inferences.filter((i) => i.scheme).length);
  });

  test('format=json: a .json download of the map as GET /api/maps/{slug} answers it', async ({ request }) => {
    const view = await readMap(request);
    const response = await request.get(exportUrl('json'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}.json"`);
    expect(await response.json()).toEqual(view);
  });

  for (const [name, format] of [
    ['an unknown format', 'pdf'],
    ['a missing format', ''],
  ]) {
    test(`${name} is 400 with the error body`, async ({ request }) => {
      await expectError(await request.get(exportUrl(format)), 400, ['format']);
    });
  }

  test('an unknown map is 404', async ({ request }) => {
    await expectError(await request.get(exportUrl('argdown', 'no-such-map')), 404);
  });
});

test.describe('POST /api/maps/import', () => {
  for (const { name, content } of fixtures('aif')) {
    test(`AIF ${name}: a map with a node per I-node, an inference per RA, a conflict per CA, whose page renders`, async ({ request }) => {
      const aif = JSON.parse(content) as { nodes: { type: string }[] };
      const title = distinctive(`aif ${name}`);
      const slug = await importFile(request, 'aif', content, title);
      expect(slug).toBe(slugify(title));

      const view = await readMap(request, slug);
      expect(view.map).toEqual({ slug, title, policy: 'open', className: '', anonymous: false });
      expect(view.document).toMatchObject({ slug, title, author: '', source: 'Imported from AIF', text: '' });
      expect(view.nodes).toHaveLength(aif.nodes.filter((n) => n.type === 'I').length);
      expect(view.inferences).toHaveLength(aif.nodes.filter((n) => n.type === 'RA').length);
      expect(view.conflicts).toHaveLength(aif.nodes.filter((n) => n.type === 'CA').length);
      for (const node of view.nodes) expect(node).toMatchObject({ quote: null, implicit: false, author: 'Imported', position: null });
      expect(view.nodes.filter((n) => n.kind === 'thesis').length).toBeLessThanOrEqual(1);

      expect((await request.get(`/maps/${slug}`)).status()).toBe(200);
    });
  }

  for (const { name, content } of fixtures('argdown')) {
    test(`Argdown ${name}: a map with the file’s statements, arguments and relations, whose page renders`, async ({ request }) => {
      const expected = fromArgdown(content);
      const slug = await importFile(request, 'argdown', content);
      const view = await readMap(request, slug);
      expect(view.document).toMatchObject({ source: 'Imported from Argdown', text: '' });
      expect(view.nodes).toHaveLength(expected.nodes.length);
      expect(view.inferences).toHaveLength(expected.inferences.length);
      expect(view.conflicts).toHaveLength(expected.conflicts.length);
      expect(view.nodes.map((n) => n.text).sort()).toEqual(expected.nodes.map((n) => n.text).sort());
      expect((await request.get(`/maps/${slug}`)).status()).toBe(200);
    });
  }

  for (const format of ['argdown', 'aif'] as const) {
    test(`the op-ed exported as ${format} imports back with the same statements, kinds and links`, async ({ request }) => {
      const original = await readMap(request);
      const exported = await (await request.get(exportUrl(format))).text();
      const copy = await readMap(request, await importFile(request, format, exported));
      const shape = (view: MapView) => ({
        nodes: view.nodes.map((n) => `${n.kind}: ${n.text}`).sort(),
        premises: view.inferences.map((i) => i.premises.length).sort(),
        schemes: view.inferences.map((i) => i.scheme ?? '').sort(),
        conflicts: view.conflicts.map((c) => ('node' in c.target ? 'attack' : 'undercut')).sort(),
      });
      expect(shape(copy)).toEqual(shape(original));
    });
  }

  test('a map titled "Import" does not take the slug of the import route', async ({ request }) => {
    const slug = await importFile(request, 'argdown', '[A]: A statement.', 'Import');
    expect(slug).not.toBe('import');
    expect((await readMap(request, slug)).map.title).toBe('Import');
  });

  test.describe('refused files answer 400 with where they are wrong, and create nothing', () => {
    test('AIF with a node of an unknown type: the issue’s path points at it', async ({ request }) => {
      const title = distinctive('bad aif');
      const content = JSON.stringify({
        nodes: [
          { nodeID: '1', text: 'A statement', type: 'I' },
          { nodeID: '2', text: 'x', type: 'Q' },
        ],
        edges: [],
      });
      await expectError(await request.post(IMPORT_URL, { data: { format: 'aif', title, content } }), 400, ['content', 'nodes', 1, 'type']);
      await expectNoMap(request, slugify(title));
    });

    test('AIF with an edge to an unknown node', async ({ request }) => {
      const title = distinctive('dangling aif');
      const content = JSON.stringify({ nodes: [{ nodeID: '1', text: 'A statement', type: 'I' }], edges: [{ fromID: '1', toID: '7' }] });
      await expectError(await request.post(IMPORT_URL, { data: { format: 'aif', title, content } }), 400, ['content', 'edges', 0, 'toID']);
      await expectNoMap(request, slugify(title));
    });

    test('AIF that is not JSON', async ({ request }) => {
      const title = distinctive('not json');
      const body = await expectError(await request.post(IMPORT_URL, { data: { format: 'aif', title, content: '{"nodes": [' } }), 400, ['content']);
      expect(body.error.message).toMatch(/JSON/);
      await expectNoMap(request, slugify(title));
    });

    test('Argdown with a syntax error: the message gives the line', async ({ request }) => {
      const title = distinctive('bad argdown');
      const content = ['[A]: One.', '', '<Arg>', '', '(1) A premise.', '(2) Another premise.'].join('\n');
      const body = await expectError(await request.post(IMPORT_URL, { data: { format: 'argdown', title, content } }), 400, ['content']);
      expect(body.error.message).toMatch(/Line 6, column \d+/);
      await expectNoMap(request, slugify(title));
    });

    test('an empty Argdown file', async ({ request }) => {
      const title = distinctive('empty');
      await expectError(await request.post(IMPORT_URL, { data: { format: 'argdown', title, content: '' } }), 400, ['content']);
      await expectNoMap(request, slugify(title));
    });

    test('a statement longer than a node can hold is refused, naming it', async ({ request }) => {
      const title = distinctive('long');
      const content = `[Short]: Fine.\n\n[Long]: ${'word '.repeat(300)}`;
      const body = await expectError(await request.post(IMPORT_URL, { data: { format: 'argdown', title, content } }), 400, ['content']);
      expect(body.error.issues[0].message).toContain('[Long]');
      await expectNoMap(request, slugify(title));
    });

    test('a body without format or title', async ({ request }) => {
      const body = await expectError(await request.post(IMPORT_URL, { data: { content: '[A]: B' } }), 400, ['format']);
      expect(body.error.issues.map((i) => i.path)).toContainEqual(['title']);
    });

    test(`content over ${IMPORT_CONTENT_MAX_BYTES / (1024 * 1024)} MB is 413`, async ({ request }) => {
      const title = distinctive('oversized');
      const content = `[A]: ${'x'.repeat(IMPORT_CONTENT_MAX_BYTES)}`;
      await expectError(await request.post(IMPORT_URL, { data: { format: 'argdown', title, content } }), 413, ['content']);
      await expectNoMap(request, slugify(title));
    });

    test(`a body over ${IMPORT_BODY_MAX_BYTES / (1024 * 1024)} MB is 413`, async ({ request }) => {
      const title = distinctive('oversized body');
      const content = 'x'.repeat(IMPORT_BODY_MAX_BYTES);
      await expectError(await request.post(IMPORT_URL, { data: { format: 'argdown', title, content } }), 413);
      await expectNoMap(request, slugify(title));
    });
  });
});
