import fc from 'fast-check';
import { IMPORT_BODY_MAX_BYTES } from '@/lib/validation/limits';
import { MUTATING, fillPattern, utf8PercentEncode, type RouteMethod } from './routes';

/** Ids that exist in the seeded database, so GETs also reach real data. */
export interface KnownIds {
  slug: string;
  nodeIds: string[];
  inferenceIds: string[];
}

/** One generated request, and whether the test may accept a 2xx for it. */
export interface FuzzRequest {
  request: Request;
  params: Record<string, string>;
  /** What is wrong with it (for the failure message). */
  defect: string;
  /**
   * False for every request to a mutating route that has something to get wrong: those are built
   * with at least one defect that no valid request has, so they must be refused (4xx).
   */
  mayPass: boolean;
}

const ORIGIN = 'http://localhost:3000';

/** Strings that break naive code: NUL, lone surrogates, RTL overrides, emoji ZWJ sequences, encodings, injections. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\u202Eevil\u202C',
  '\u200F\u05D0\u05D1',
  '👩🏽‍🔬🏳️‍🌈',
  'ﷺ',
  'Z̷̡̢̛͓a̸l̵g̶o̷',
  '%',
  '%E0%A4%A',
  '%00',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE Node; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  '0x10',
  'true',
  '\r\n\r\nX-Injected: 1',
  '\\',
  '\t\v\f',
];

/** Any string, weighted towards the nasty: unicode of every plane, lone surrogates, huge ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('é', '👍', 'x', '\u0000', '\u202E'), fc.integer({ min: 500, max: 70_000 })).map(([c, n]) => c.repeat(n)), weight: 1 },
);

/** Anything JSON can hold, with nasty strings and awkward numbers. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value of another JSON type than `value` (never null, never undefined): a guaranteed type error. */
function wrongTypeFor(value: unknown): fc.Arbitrary<unknown> {
  const kind = Array.isArray(value) ? 'array' : typeof value;
  const choices: fc.Arbitrary<unknown>[] = [];
  if (kind !== 'string') choices.push(nastyString);
  if (kind !== 'number') choices.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (kind !== 'boolean') choices.push(fc.boolean());
  if (kind !== 'array') choices.push(fc.array(jsonish, { maxLength: 3 }));
  if (kind !== 'object') choices.push(fc.dictionary(nastyString, jsonish, { maxKeys: 3 }));
  return fc.oneof(...choices);
}

/** A key no Argmap body has. */
const UNKNOWN_KEY = '\u0000fuzz-extra';

/** Ids that are on no map: nasty strings (the seed's ids and cuids never look like these) and plausible cuids. */
const unknownId: fc.Arbitrary<string> = fc.oneof(
  nastyString.filter((s) => s.length > 0),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 25, maxLength: 25 }).map((s) => `cz${s}`),
  fc.constantFrom('negotiate-now.nope', 'negotiate-now', '0', '-1', 'null'),
);

/**
 * A well-formed body per route, used as the base of mutations. `semanticSafe` marks templates that
 * are refused even when sent exactly as they are (they name things that do not exist, or need a
 * role an anonymous caller lacks), so they also fuzz the checks that need the stored map.
 */
export const TEMPLATES: Record<string, { body: Record<string, unknown>; semanticSafe: boolean }> = {
  'POST /api/maps/[slug]/nodes': {
    body: { kind: 'objection', text: 'A plausible objection.', target: 'cz-unknown-target', relation: 'attacks', author: 'Fuzz' },
    semanticSafe: true,
  },
  'PATCH /api/maps/[slug]/nodes/[id]': { body: { version: 1, text: 'Edited text here.' }, semanticSafe: false },
  'PUT /api/maps/[slug]/positions': { body: { positions: { 'cz-unknown-node': { x: 1, y: 2 } } }, semanticSafe: true },
  'PATCH /api/maps/[slug]/inferences/[id]': { body: { scheme: 'expert-opinion' }, semanticSafe: false },
  'POST /api/maps/[slug]/nodes/[id]/comments': { body: { text: 'A comment.', author: 'Fuzz' }, semanticSafe: false },
  'PATCH /api/maps/[slug]/comments/[commentId]': { body: { text: 'Edited comment.' }, semanticSafe: false },
  'PUT /api/maps/[slug]/nodes/[id]/vote': { body: { value: 3 }, semanticSafe: false },
  'PATCH /api/maps/[slug]': { body: { policy: 'invite' }, semanticSafe: true },
  'POST /api/maps/[slug]/copies': { body: { title: 'A class copy', className: 'Period 3' }, semanticSafe: true },
  'POST /api/invites/[code]': { body: { name: 'Student' }, semanticSafe: false },
  'PATCH /api/maps/[slug]/members/[id]': { body: { role: 'editor' }, semanticSafe: true },
  'PUT /api/maps/[slug]/invite': { body: { action: 'rotate' }, semanticSafe: true },
  'POST /api/auth/signup': { body: { username: 'fuzzer', password: 'correct horse battery' }, semanticSafe: false },
  'POST /api/auth/login': { body: { username: 'nobody-here', password: 'wrong password' }, semanticSafe: true },
  'POST /api/maps/import': { body: { format: 'argdown', title: 'Imported', content: '[T]: A thesis.\n  <+ A reason.' }, semanticSafe: false },
  'POST /api/documents': { body: { title: 'An essay', author: 'Someone', text: 'An essay text long enough.' }, semanticSafe: false },
};

/** A body that no schema accepts, built from the route's template when it has one. */
function brokenBody(route: RouteMethod): fc.Arbitrary<{ text: string; defect: string }> {
  const template = TEMPLATES[route.name]?.body ?? { text: 'Some text', title: 'A title' };
  const keys = Object.keys(template);
  const json = (value: unknown) => JSON.stringify(value) ?? 'null';
  return fc.oneof(
    // A field of the wrong type, maybe fields missing, maybe extra keys.
    fc.tuple(fc.constantFrom(...keys), fc.subarray(keys), fc.dictionary(nastyString, jsonish, { maxKeys: 3 })).chain(([key, dropped, extra]) =>
      wrongTypeFor(template[key]).map((wrong) => {
        const body: Record<string, unknown> = { ...extra, ...template };
        for (const k of dropped) if (k !== key) delete body[k];
        body[key] = wrong;
        return { text: json(body), defect: `${key} of the wrong type` };
      }),
    ),
    // The template with an unknown key (every schema is strict) and nasty values in its strings.
    fc.tuple(fc.dictionary(fc.constantFrom(...keys), nastyString), jsonish).map(([strings, extra]) => ({
      text: json({ ...template, ...strings, [UNKNOWN_KEY]: extra }),
      defect: 'an unknown key',
    })),
    // Required fields missing: random keys only.
    fc
      .dictionary(
        nastyString.filter((k) => !keys.includes(k)),
        jsonish,
        { maxKeys: 4 },
      )
      .map((body) => ({ text: json({ ...body, [UNKNOWN_KEY]: 1 }), defect: 'no known field' })),
    // JSON that is not an object.
    fc
      .oneof(fc.integer(), nastyString, fc.constant(null), fc.boolean(), fc.array(jsonish, { maxLength: 3 }))
      .map((v) => ({ text: json(v), defect: 'not an object' })),
    // Not JSON at all: truncated, trailing garbage, NUL, nothing.
    fc
      .oneof(
        fc.constant(''),
        fc.constantFrom('{', '}', '{"text":', '[1,2', 'nul', '{"a":1}x', '\u0000', "{'single':'quotes'}", '{"a":1,}', 'NaN', '\uFEFF'),
        fc.nat({ max: 40 }).map((n) => json(template).slice(0, n)),
        nastyString.map((s) => `{${s}`),
      )
      .map((text) => ({ text, defect: 'malformed JSON' })),
  );
}

const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/json',
  'application/xml',
  'json',
  'application/javascript',
);

const headerValue = nastyString.map((s) => s.replace(/[^\x20-\x7e\x80-\xff]/g, '').slice(0, 500));

/** Headers a browser or an attacker may send: junk cookies (malformed %-escapes), junk identity headers. */
const junkHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    cookie: fc.oneof(
      headerValue.map((v) => `argmap_session=${v}`),
      fc.constantFrom('argmap_session=%E0%A4%A', 'argmap_session=%', 'argmap_member_x=%ZZ', 'a=b; argmap_session=; =; ;;'),
      headerValue,
    ),
    'x-argmap-client': headerValue,
    'x-argmap-owner': headerValue,
    'x-argmap-name': headerValue,
    'x-forwarded-for': fc.oneof(headerValue, fc.ipV4(), fc.ipV6()),
    'last-event-id': fc.oneof(headerValue, fc.constantFrom('-1', '1e99', '99999999999999999999')),
  },
  { requiredKeys: [] },
);

const QUERY_KEYS = ['after', 'limit', 'before', 'format', 'name', 'client', 'q', 'slug'];
const junkQuery: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom(...QUERY_KEYS), nastyString),
    fc.oneof(nastyString, fc.constantFrom('-1', '0', '1.5', '1e400', 'argdown', 'aif', 'json', 'pdf'), fc.integer().map(String)),
  ),
  { maxLength: 4 },
);

/** The route's dynamic segments: known values (GETs only) or unknown ones. */
function paramValues(route: RouteMethod, known: KnownIds, allowKnown: boolean): fc.Arbitrary<Record<string, string>> {
  const shape: Record<string, fc.Arbitrary<string>> = {};
  for (const name of route.params) {
    const real = name === 'slug' ? [known.slug] : name === 'id' ? [...known.nodeIds, ...known.inferenceIds] : [];
    shape[name] = allowKnown && real.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 2 }, { arbitrary: unknownId, weight: 1 }) : unknownId;
  }
  // Next hands a handler the URL's segments percent-decoded as UTF-8, so a lone surrogate arrives as U+FFFD.
  return fc.record(shape).map((values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, decodeURIComponent(utf8PercentEncode(v))])));
}

function build(
  route: RouteMethod,
  params: Record<string, string>,
  query: [string, string][],
  headers: Record<string, string>,
  body?: { text: string; contentType?: string },
) {
  const url = new URL(fillPattern(route.pattern, params), ORIGIN);
  for (const [k, v] of query) url.searchParams.append(k, v);
  const init: RequestInit = { method: route.method, headers: { host: 'localhost:3000', ...headers } };
  if (body !== undefined && route.method !== 'GET') {
    init.body = body.text;
    if (body.contentType !== undefined) (init.headers as Record<string, string>)['content-type'] = body.contentType;
  }
  return new Request(url, init);
}

/**
 * Requests for one route. GETs get junk and real params, junk queries and headers, and may succeed.
 * Mutating routes always carry a defect that makes any correct server refuse them:
 * - routes that read a body: a body no schema accepts, or a good body as the wrong content type,
 *   or a body over the largest limit, or (for `semanticSafe` templates) a well-formed body that
 *   names something that does not exist or needs a role an anonymous caller lacks;
 * - routes without a body: a path id that is on no map.
 * The only exception is a mutating route with no path params and no body (sign-out), which has
 * nothing to get wrong: it may answer 2xx, but must still write nothing.
 */
export function fuzzRequests(route: RouteMethod, known: KnownIds): fc.Arbitrary<FuzzRequest> {
  const template = TEMPLATES[route.name];
  if (!MUTATING.has(route.method)) {
    return fc
      .tuple(paramValues(route, known, true), junkQuery, junkHeaders)
      .map(([params, query, headers]) => ({ request: build(route, params, query, headers), params, defect: 'junk query and headers', mayPass: true }));
  }
  if (!route.readsBody) {
    const nothingToGetWrong = route.params.length === 0;
    return fc.tuple(paramValues(route, known, false), junkQuery, junkHeaders, fc.option(jsonish)).map(([params, query, headers, body]) => ({
      request: build(route, params, query, headers, body === null ? undefined : { text: JSON.stringify(body) ?? '', contentType: 'application/json' }),
      params,
      defect: nothingToGetWrong ? 'none possible' : 'unknown path ids',
      mayPass: nothingToGetWrong,
    }));
  }
  // Body routes: the slug may be real, so the body's checks are reached; other ids are unknown.
  const bodyParams = paramValues(route, known, false).chain((params) =>
    'slug' in params ? fc.oneof(fc.constant({ ...params, slug: known.slug }), fc.constant(params)) : fc.constant(params),
  );
  const bodies: fc.Arbitrary<{ text: string; contentType?: string; defect: string }>[] = [
    brokenBody(route).map((b) => ({ ...b, contentType: 'application/json' })),
    fc
      .tuple(fc.option(contentTypes, { nil: undefined }), fc.constant(JSON.stringify(template?.body ?? {})))
      .map(([contentType, text]) => ({ text, contentType, defect: `content type ${contentType ?? 'missing'}` })),
  ];
  if (template?.semanticSafe) {
    // Free-text fields get nasty strings; the fields that decide what the request means stay as they are.
    const free = Object.keys(template.body).filter(
      (k) => typeof template.body[k] === 'string' && !['target', 'kind', 'relation', 'policy', 'role', 'action'].includes(k),
    );
    const strings = free.length > 0 ? fc.dictionary(fc.constantFrom(...free), nastyString) : fc.constant({});
    bodies.push(
      strings.map((s) => ({
        text: JSON.stringify({ ...template.body, ...s }),
        contentType: 'application/json',
        defect: 'names what does not exist, or needs a role',
      })),
    );
  }
  const huge = fc.constantFrom('a', '"', '\\u0000').map((c) => ({
    text: `{"text":"${c.repeat(Math.ceil((IMPORT_BODY_MAX_BYTES + 10) / c.length))}"}`,
    contentType: 'application/json',
    defect: 'body over every limit',
  }));
  const body = fc.oneof({ arbitrary: fc.oneof(...bodies), weight: 30 }, { arbitrary: huge, weight: 1 });
  return fc.tuple(bodyParams, junkQuery, junkHeaders, body).map(([params, query, headers, b]) => ({
    request: build(route, params, query, headers, b),
    params,
    defect: b.defect,
    mayPass: false,
  }));
}
