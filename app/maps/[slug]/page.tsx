import type { Metadata } from 'next';
import { JoinGate } from '@/components/classes/join-gate';
import { MapWorkspace } from '@/components/map-workspace/map-workspace';
import { evaluate } from '@/lib/argument/evaluation';
import { studyCounts } from '@/lib/argument/study-counts';
import { pageLayouts } from '@/lib/layout/server-layout';
import { PREVIEW_IMAGE } from '@/lib/http/link-preview';
import { loadMapForPage } from './load-map';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await loadMapForPage((await params).slug);
  if (!view) return { title: 'Members only' };
  // A link shared with a class previews the map by its own title and essay (a members-only map's stay unsaid).
  const about = `An argument map of “${view.document.title}”${view.document.author ? ` by ${view.document.author}` : ''}.`;
  return {
    title: view.map.title,
    description: about,
    openGraph: { type: 'website', siteName: 'Argmap', title: view.map.title, description: about, images: [PREVIEW_IMAGE] },
    twitter: { card: 'summary_large_image', title: view.map.title, description: about, images: [PREVIEW_IMAGE] },
  };
}

export default async function MapPage({ params }: Props) {
  const { slug } = await params;
  const { access, view } = await loadMapForPage(slug);
  if (!view) return <JoinGate slug={slug} signedIn={access.identity.kind === 'user'} />;
  // The cards' positions come with the page, so the browser draws them at once (laid out on the server,
  // kept per change); so do the header's study figures, so the study code loads only when the map changes.
  const counts = studyCounts(view, evaluate(view), view.document.text);
  return <MapWorkspace initial={view} layouts={await pageLayouts(view, view.map.slug)} counts={counts} />;
}
