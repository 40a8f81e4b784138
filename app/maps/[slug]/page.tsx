import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { JoinGate } from '@/components/classes/join-gate';
import { MapWorkspace } from '@/components/map-workspace/map-workspace';
import { resolveAccess } from '@/lib/db/access';
import { loadMapView } from '@/lib/db/maps';
import { AppError } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page: who is asking, and the map if they may see it. */
const load = cache(async (slug: string) => {
  try {
    // The same access check as the API, from this request's cookies.
    const request = new Request(`http://localhost/maps/${encodeURIComponent(slug)}`, { headers: await headers() });
    const access = await resolveAccess(request, slug);
    if (access.role === null) return { access, view: null };
    return { access, view: await loadMapView(slug, access) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load((await params).slug);
  return { title: view ? view.map.title : 'Members only' };
}

export default async function MapPage({ params }: Props) {
  const { slug } = await params;
  const { access, view } = await load(slug);
  if (!view) return <JoinGate slug={slug} signedIn={access.identity.kind === 'user'} />;
  return <MapWorkspace initial={view} />;
}
