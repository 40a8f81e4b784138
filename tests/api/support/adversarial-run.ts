/**
 * Sends the adversarial shapes (adversarial-inputs.ts) through the API and times every request:
 * each essay is stored, suggested and briefed; each file is imported and its map read, briefed,
 * exported, tidied, and its most-depended-on point deleted and restored. The transport is a
 * parameter, so the same run works in-process (tests/api/adversarial.test.ts) and over HTTP against
 * the production server (bench/adversarial.ts).
 */
import { essayShapes, importShapes, type Scale } from './adversarial-inputs';

/** Sends one request and answers the status, the body's text and how long it took. */
export type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; text: string; ms: number }>;

export interface Timed {
  shape: string;
  request: string;
  status: number;
  ms: number;
  /** Size of the answer in bytes (a blow-up in output shows here before it shows in time). */
  bytes: number;
}

export interface AdversarialOptions {
  scale: Scale;
  send: Send;
  /** Also load the map's pages (`/maps/{slug}`, its brief): the server renders the essay's coverage and the brief (bench only: in-process there is no page renderer). */
  pages?: boolean;
  /** Only the essays or only the imports (ADVERSARIAL_ONLY); both when unset. */
  only?: 'essays' | 'imports';
  /** Called after every request (the test asserts on it; the bench prints it). */
  onResult?: (result: Timed, text: string) => void;
}

interface MapView {
  nodes: { id: string; kind: string }[];
  inferences: { id: string; conclusion: string; premises: string[] }[];
}

/** The live point the most others rest on, found by walking down from the thesis's direct reasons. */
function mostDependedOn(view: MapView): string | undefined {
  const thesis = view.nodes.find((n) => n.kind === 'thesis');
  if (!thesis) return view.nodes[0]?.id;
  return view.inferences.find((i) => i.conclusion === thesis.id)?.premises[0];
}

export async function runAdversarial({ scale, send, pages = false, only, onResult }: AdversarialOptions): Promise<Timed[]> {
  const results: Timed[] = [];
  const timed = async (shape: string, request: string, method: string, path: string, body?: unknown) => {
    const response = await send(method, path, body);
    const result: Timed = { shape, request, status: response.status, ms: response.ms, bytes: Buffer.byteLength(response.text, 'utf8') };
    results.push(result);
    onResult?.(result, response.text);
    return response;
  };
  const readMap = async (shape: string, slug: string) => {
    const map = await timed(shape, 'GET map', 'GET', `/api/maps/${slug}`);
    for (const side of ['affirmative', 'negative']) {
      await timed(shape, `GET brief (${side}, json)`, 'GET', `/api/maps/${slug}/brief?side=${side}&format=json`);
      await timed(shape, `GET brief (${side}, markdown)`, 'GET', `/api/maps/${slug}/brief?side=${side}&format=markdown`);
    }
    for (const format of ['argdown', 'aif', 'json']) await timed(shape, `GET export ${format}`, 'GET', `/api/maps/${slug}/export?format=${format}`);
    await timed(shape, 'GET history', 'GET', `/api/maps/${slug}/history`);
    if (pages) {
      await timed(shape, 'page /maps/{slug}', 'GET', `/maps/${slug}`);
      await timed(shape, 'page /maps/{slug}/brief', 'GET', `/maps/${slug}/brief?side=affirmative`);
    }
    return map.status === 200 ? (JSON.parse(map.text) as MapView) : null;
  };

  for (const { name, text } of only === 'imports' ? [] : essayShapes(scale)) {
    const created = await timed(name, 'POST documents', 'POST', '/api/documents', { title: `Adversarial: ${name}`, text });
    if (created.status !== 201) continue;
    const { document, map } = JSON.parse(created.text) as { document: { slug: string }; map: { slug: string } };
    await timed(name, 'GET suggestions', 'GET', `/api/documents/${document.slug}/suggestions`);
    await readMap(name, map.slug);
  }

  for (const { name, format, content } of only === 'essays' ? [] : importShapes(scale)) {
    const imported = await timed(name, `POST import (${format})`, 'POST', '/api/maps/import', { format, title: `Adversarial: ${name}`, content });
    if (imported.status !== 201) continue;
    const { slug } = (JSON.parse(imported.text) as { map: { slug: string } }).map;
    const view = await readMap(name, slug);
    if (!view) continue;
    const positions = Object.fromEntries(view.nodes.map((n, i) => [n.id, { x: (i % 100) * 300, y: Math.floor(i / 100) * 200 }]));
    await timed(name, `PUT positions (${view.nodes.length})`, 'PUT', `/api/maps/${slug}/positions`, { positions });
    const target = mostDependedOn(view);
    if (!target) continue;
    const deleted = await timed(name, 'DELETE the most depended-on point', 'DELETE', `/api/maps/${slug}/nodes/${encodeURIComponent(target)}`);
    await timed(name, 'GET deletions', 'GET', `/api/maps/${slug}/deletions`);
    if (deleted.status === 200) {
      const { deletionId } = JSON.parse(deleted.text) as { deletionId: string };
      await timed(name, 'POST restore', 'POST', `/api/maps/${slug}/deletions/${encodeURIComponent(deletionId)}/restore`);
    }
  }
  return results;
}
