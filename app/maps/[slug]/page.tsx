import type { Metadata } from 'next';
import { JoinGate } from '@/components/classes/join-gate';
import { MapWorkspace } from '@/components/map-workspace/map-workspace';
import { loadMapForPage } from './load-map';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await loadMapForPage((await params).slug);
  return { title: view ? view.map.title : 'Members only' };
}

export default async function MapPage({ params }: Props) {
  const { slug } = await params;
  const { access, view } = await loadMapForPage(slug);
  if (!view) return <JoinGate slug={slug} signedIn={access.identity.kind === 'user'} />;
  return <MapWorkspace initial={view} />;
}
