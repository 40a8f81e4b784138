import Link from 'next/link';
import { ArrowRight, FileText, MessageSquareWarning, Network } from 'lucide-react';
import { headers } from 'next/headers';
import { currentUser } from '@/lib/auth/sessions';
import { listMaps } from '@/lib/db/maps';
import { AppLogo } from '@/components/ui/app-logo';
import { ImportDialog } from '@/components/home/import-dialog';
import { AccountMenu } from '@/components/auth/account-menu';

export const dynamic = 'force-dynamic';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function HomePage() {
  const user = await currentUser(new Request('http://localhost/', { headers: await headers() }));
  const maps = await listMaps(user ? { userId: user.id } : null);
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-6 py-4">
          <AppLogo />
          <div className="ml-auto">
            <AccountMenu />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-10">
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Argument maps</h1>
          <ImportDialog />
        </div>
        <p className="mt-2 max-w-2xl text-lg text-slate-600">
          See how an essay’s conclusion rests on its reasons and evidence — which premises it never states, where it is
          weak — and add the objections and rebuttals a good debate needs.
        </p>
        {maps.length === 0 ? (
          <p className="mt-10 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
            There are no maps yet. Start the app with <code className="font-mono">npm start</code> to add the op-ed map.
          </p>
        ) : (
          <ul className="mt-8 grid gap-4" data-testid="home.maps">
            {maps.map((m) => (
              <li key={m.slug}>
                <Link
                  href={`/maps/${m.slug}`}
                  className="group flex items-center gap-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm transition hover:border-indigo-300 hover:shadow-md"
                  data-testid="home.map-link"
                >
                  <div className="grid h-14 w-14 shrink-0 place-items-center rounded-lg bg-indigo-50 text-indigo-700">
                    <Network aria-hidden className="h-7 w-7" />
                  </div>
                  <div className="min-w-0 flex-1">
                    <h2 className="text-xl font-semibold text-slate-900 group-hover:text-indigo-700">{m.title}</h2>
                    <p className="mt-1 flex items-center gap-2 text-slate-600">
                      <FileText aria-hidden className="h-4 w-4" />
                      <span>
                        <cite className="not-italic font-medium">{m.document.title}</cite>
                        {m.document.author && <> — {m.document.author}</>}
                        {m.document.source && <>, {m.document.source}</>}
                      </span>
                    </p>
                    <p className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-500">
                      <span className="inline-flex items-center gap-1.5">
                        <Network aria-hidden className="h-4 w-4" /> {m.nodeCount} points
                      </span>
                      <span className="inline-flex items-center gap-1.5">
                        <MessageSquareWarning aria-hidden className="h-4 w-4" /> {m.objectionCount} objections
                      </span>
                      <span>Last activity {dateFormat.format(new Date(m.updatedAt))}</span>
                    </p>
                  </div>
                  <ArrowRight aria-hidden className="h-6 w-6 text-slate-400 transition group-hover:translate-x-1 group-hover:text-indigo-600" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
