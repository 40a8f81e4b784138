import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { PageShell } from '@/components/ui/page-shell';
import { SignInPanel, type SignInTab } from '@/components/auth/sign-in-panel';
import { safeNextPath } from '@/lib/auth/next-path';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/signin?next=/maps/x&tab=signup` — sign in or create an account, then go back to `next`. */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const tab: SignInTab = params.tab === 'signup' ? 'signup' : 'signin';
  return (
    <PageShell mainClassName="mx-auto max-w-lg px-6 py-12">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Your Argmap account</h1>
      <p className="mt-2 text-lg text-slate-600">
        Teachers use an account to make class copies of a map and invite students; students can join a class with just a name.
      </p>
      <SignInPanel next={next} initialTab={tab} />
      <Link href={next} className="mt-6 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-indigo-700">
        <ArrowLeft aria-hidden className="h-4 w-4" /> {next === '/' ? 'Back to the maps' : 'Back without signing in'}
      </Link>
    </PageShell>
  );
}
