import type { Metadata } from 'next';
import { Users } from 'lucide-react';
import { JoinForm } from '@/components/classes/join-form';
import { PageShell } from '@/components/ui/page-shell';

export const metadata: Metadata = { title: 'Join a class' };

type Props = { params: Promise<{ code: string }> };

/** The invite link's page: one field (a name) and a button. */
export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  return (
    <PageShell>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <div className="mb-4 grid h-12 w-12 place-items-center rounded-full bg-indigo-50 text-indigo-700">
            <Users aria-hidden className="h-6 w-6" />
          </div>
          <h1 className="text-xl font-semibold text-slate-900">Join the class map</h1>
          <p className="mt-2 text-slate-600">
            Invite code <span className="font-mono font-semibold tracking-widest">{code.toUpperCase()}</span>. No account needed: this browser remembers you.
          </p>
          <div className="mt-6">
            <JoinForm code={code} />
          </div>
        </div>
    </PageShell>
  );
}
