import type { Metadata } from 'next';
import { TriangleAlert, Users } from 'lucide-react';
import { JoinForm } from '@/components/classes/join-form';
import { PageShell } from '@/components/ui/page-shell';
import { inviteCodeSchema, notAnInviteCode } from '@/lib/validation/classes';

export const metadata: Metadata = { title: 'Join a class' };

type Props = { params: Promise<{ code: string }> };

/** The path segment as typed: decoded once, or as it came when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The invite link's page: one field (a name) and a button. A link that lost its shape on the way
 * (`/join/gfmykk.`, from the end of a sentence) is tidied by the same parser the API uses; one that
 * is still no code says so, and asks for the code instead.
 */
export default async function JoinPage({ params }: Props) {
  const raw = decoded((await params).code);
  const code = inviteCodeSchema.safeParse(raw);
  return (
    <PageShell>
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-4 grid h-12 w-12 place-items-center rounded-full bg-indigo-50 text-indigo-700">
          <Users aria-hidden className="h-6 w-6" />
        </div>
        <h1 className="text-xl font-semibold text-slate-900">Join the class map</h1>
        {code.success ? (
          <p className="mt-2 text-slate-600">
            Invite code{' '}
            <span className="font-mono font-semibold tracking-widest" data-testid="join.link-code">
              {code.data}
            </span>
            . No account needed: this browser remembers you.
          </p>
        ) : (
          <div
            role="alert"
            className="mt-3 flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900"
            data-testid="join.link-error"
          >
            <TriangleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
            <p>{notAnInviteCode(raw)} Or type the code below.</p>
          </div>
        )}
        <div className="mt-6">
          <JoinForm code={code.success ? code.data : undefined} />
        </div>
      </div>
    </PageShell>
  );
}
