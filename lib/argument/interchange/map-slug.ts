/** Longest slug made from a title, before any `-2` suffix; keeps ids like `<slug>.n4999` short. */
export const SLUG_BASE_MAX = 40;

/** Slugs a map may not have: `/api/maps/import` is the import route, not a map; `/new` makes a map. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['import', 'new']);

/**
 * A URL slug for a map title: lower-case ASCII letters and digits joined by single hyphens, accents
 * dropped, at most {@link SLUG_BASE_MAX} characters (cut at a hyphen when one is near), and
 * `imported-map` when nothing is left.
 *
 * @example slugify('Négocier maintenant ? — Corée du Nord') // 'negocier-maintenant-coree-du-nord'
 */
export function slugify(title: string): string {
  const full = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = full;
  if (slug.length > SLUG_BASE_MAX) {
    slug = slug.slice(0, SLUG_BASE_MAX);
    const hyphen = slug.lastIndexOf('-');
    if (hyphen > SLUG_BASE_MAX / 2) slug = slug.slice(0, hyphen);
    slug = slug.replace(/-+$/, '');
  }
  return slug || 'imported-map';
}

/**
 * The first of `base`, `base-2`, `base-3`, … that is neither taken nor reserved.
 *
 * @example freeSlug('essay', new Set(['essay', 'essay-2'])) // 'essay-3'
 */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  const free = (slug: string) => !taken.has(slug) && !RESERVED_SLUGS.has(slug);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}
