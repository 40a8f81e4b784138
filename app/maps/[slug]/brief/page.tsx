import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { BriefDocument } from '@/components/brief/brief-document';
import { BriefToolbar } from '@/components/brief/brief-toolbar';
import '@/components/brief/brief-print.css';
import { JoinGate } from '@/components/classes/join-gate';
import { buildBrief, SIDE_WORDING } from '@/lib/argument/brief';
import { publicOrigin } from '@/lib/http/public-origin';
import { briefUrl } from '@/lib/api-client/downloads';
import { briefPageAsOfSchema, briefPageSideSchema } from '@/lib/validation/brief';
import { loadMapForPage } from '../load-map';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const query = await searchParams;
  const { view } = await loadMapForPage((await params).slug, briefPageAsOfSchema.parse(query.asOf));
  const side = briefPageSideSchema.parse(query.side);
  return { title: view ? `${SIDE_WORDING[side].label} brief · ${view.map.title}` : 'Members only' };
}

export default async function BriefPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const side = briefPageSideSchema.parse(query.side);
  const asOf = briefPageAsOfSchema.parse(query.asOf);
  const { access, view } = await loadMapForPage(slug, asOf);
  if (!view) return <JoinGate slug={slug} signedIn={access.identity.kind === 'user'} />;
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
  const fullBriefUrl = briefUrl(view.map.slug, { side, asOf });
  return (
    <div className="min-h-full bg-slate-100 print:bg-white">
      <BriefToolbar slug={view.map.slug} side={side} asOf={asOf} />
      <main className="pb-12 sm:px-6 print:p-0">
        <BriefDocument
          brief={buildBrief(view, side)}
          fullBriefUrl={fullBriefUrl}
          mapTitle={view.map.title}
          document={view.document}
          date={date}
          asOf={asOf}
          mapUrl={`${publicOrigin({ headers: await headers() })}/maps/${encodeURIComponent(view.map.slug)}`}
        />
      </main>
    </div>
  );
}
