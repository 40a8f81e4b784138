import type { MapEventData } from './map-events';
import type { ArgumentGraph } from './model';
import { lacking, refused, type Checked, type Person } from './person';

/**
 * The rules for naming (or, with null, clearing) the scheme a step of reasoning follows
 * (`PATCH /api/maps/{slug}/inferences/{id}`), decided on the live graph read under the map's lock.
 * Pure: table-tested without a database (`__tests__/set-scheme.test.ts`).
 */

/**
 * The step with its new scheme and the event that logs it — or why not: the step is not live on the
 * map; the person may not name its pattern. Naming the pattern of someone else's reasoning is the
 * owner's call (`edit-any`); a step whose premises are all one's own is one's own (`edit-own`).
 */
export function decideSetScheme(
  graph: ArgumentGraph,
  makers: ReadonlyMap<string, string | null>,
  id: string,
  scheme: string | null,
  person?: Person,
): Checked<MapEventData['inference.updated']> {
  const live = graph.inferences.find((i) => i.id === id);
  if (!live) return refused('not_found', `There is no step of reasoning "${id}" on this map.`);
  const stop = lacking(person, live.premises.every((premise) => person?.owns(makers.get(premise) ?? null)) ? 'edit-own' : 'edit-any');
  if (stop) return stop;
  return { ok: true, value: { inference: { ...live, scheme }, before: { scheme: live.scheme } } };
}
