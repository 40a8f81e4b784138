import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { resolveAccess } from '@/lib/db/access';
import { loadMapView } from '@/lib/db/map-views';
import { AppError } from '@/lib/http/errors';

/**
 * A map page's one read per request, shared by its metadata and its page: who is asking (the same
 * access check as the API, from this request's cookies), and the map if they may see it. An unknown
 * map is the 404 page. `asOf` judges it as of a month (the brief page's `?asOf=`).
 */
export const loadMapForPage = cache(async (slug: string, asOf: string | null = null) => {
  try {
    const request = new Request(`http://localhost/maps/${encodeURIComponent(slug)}`, { headers: await headers() });
    const access = await resolveAccess(request, slug);
    if (access.role === null) return { access, view: null };
    return { access, view: await loadMapView(slug, access, asOf) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});
