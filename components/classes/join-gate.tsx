import Link from 'next/link';
import { Lock } from 'lucide-react';
import { PageShell } from '@/components/ui/page-shell';
import { JoinForm } from './join-form';

/** What someone sees on a members-only map: join with the class's code, or sign in. */
export function JoinGate({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  return (
    <PageShell testId="join.gate">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-4 grid h-12 w-12 place-items-center rounded-full bg-indigo-50 text-indigo-700">
          <Lock aria-hidden className="h-6 w-6" />
        </div>
        <h1 className="text-xl font-semibold text-slate-900">This map is for a class</h1>
        <p className="mt-2 text-slate-600">Type the code your teacher shows, and the name your class will see next to your points.</p>
        <div className="mt-6">
          <JoinForm />
        </div>
        {!signedIn && (
          <p className="mt-6 text-center text-sm text-slate-600">
            The teacher?{' '}
            <Link href={`/signin?next=/maps/${encodeURIComponent(slug)}`} className="font-medium text-indigo-700 underline">
              Sign in
            </Link>
          </p>
        )}
      </div>
    </PageShell>
  );
}
