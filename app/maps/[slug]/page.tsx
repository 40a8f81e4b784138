import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { MapWorkspace } from '@/components/map-workspace/map-workspace';
import { loadMapView } from '@/lib/db/maps';
import { AppError } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page. */
const load = cache(async (slug: string) => {
  try {
    return await loadMapView(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).slug);
  return { title: view.map.title };
}

export default async function MapPage({ params }: Props) {
  const view = await load((await params).slug);
  return <MapWorkspace initial={view} />;
}
