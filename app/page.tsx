import Link from 'next/link';
import { FilePlus2 } from 'lucide-react';
import { headers } from 'next/headers';
import { currentUser } from '@/lib/auth/sessions';
import { listDocumentsForHome } from '@/lib/db/home';
import { AppLogo } from '@/components/ui/app-logo';
import { ImportDialog } from '@/components/home/import-dialog';
import { DocumentList } from '@/components/home/document-list';
import { AccountMenu } from '@/components/auth/account-menu';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await currentUser(new Request('http://localhost/', { headers: await headers() }));
  const { active, archived } = await listDocumentsForHome(user);
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
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Argument maps</h1>
          <div className="flex flex-wrap items-center gap-2">
            <ImportDialog />
            <Link
              href="/new"
              className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-indigo-700"
              data-testid="home.new-map"
            >
              <FilePlus2 aria-hidden className="h-4 w-4" /> New map from an essay
            </Link>
          </div>
        </div>
        <p className="mt-2 max-w-2xl text-lg text-slate-600">
          See how an essay’s conclusion rests on its reasons and evidence — which premises it never states, where it is weak — and add the objections and
          rebuttals a good debate needs.
        </p>
        {active.length === 0 ? (
          <div className="mt-10 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-slate-600" data-testid="home.empty">
            <p className="text-lg font-medium text-slate-800">{archived.length > 0 ? 'Every map is archived.' : 'There are no maps yet.'}</p>
            <p className="mt-1">
              Start with any essay:{' '}
              <Link href="/new" className="font-medium text-indigo-700 underline underline-offset-2">
                make a new map from it
              </Link>
              , or import an Argdown or AIF file.
            </p>
          </div>
        ) : (
          <section className="mt-8" aria-label="Maps">
            <DocumentList documents={active} testId="home.documents" />
          </section>
        )}
        {archived.length > 0 && (
          <section className="mt-12 border-t border-slate-200 pt-8" aria-labelledby="home-archived" data-testid="home.archived">
            <h2 id="home-archived" className="text-xl font-semibold text-slate-900">
              Archived
            </h2>
            <p className="mt-1 mb-4 text-slate-600">Archived maps are off the list above but still open at their address. Restore one to bring it back.</p>
            <DocumentList documents={archived} archived testId="home.archived-documents" />
          </section>
        )}
      </main>
    </div>
  );
}
