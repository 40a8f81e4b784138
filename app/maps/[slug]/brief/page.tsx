import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { BriefDocument } from '@/components/brief/brief-document';
import { BriefToolbar } from '@/components/brief/brief-toolbar';
import '@/components/brief/brief-print.css';
import { JoinGate } from '@/components/classes/join-gate';
import { buildBrief, SIDE_WORDING } from '@/lib/argument/brief';
import { publicOrigin } from '@/lib/http/public-origin';
import { briefPageSideSchema } from '@/lib/validation/brief';
import { loadMapForPage } from '../load-map';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { view } = await loadMapForPage((await params).slug);
  const side = briefPageSideSchema.parse((await searchParams).side);
  return { title: view ? `${SIDE_WORDING[side].label} brief · ${view.map.title}` : 'Members only' };
}

export default async function BriefPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const side = briefPageSideSchema.parse((await searchParams).side);
  const { access, view } = await loadMapForPage(slug);
  if (!view) return <JoinGate slug={slug} signedIn={access.identity.kind === 'user'} />;
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
  const fullBriefUrl = `/api/maps/${encodeURIComponent(view.map.slug)}/brief?side=${side}&format=markdown`;
  return (
    <div className="min-h-full bg-slate-100 print:bg-white">
      <BriefToolbar slug={view.map.slug} side={side} />
      <main className="pb-12 sm:px-6 print:p-0">
        <BriefDocument
          brief={buildBrief(view, side)}
          fullBriefUrl={fullBriefUrl}
          mapTitle={view.map.title}
          document={view.document}
          date={date}
          mapUrl={`${publicOrigin({ headers: await headers() })}/maps/${encodeURIComponent(view.map.slug)}`}
        />
      </main>
    </div>
  );
}
