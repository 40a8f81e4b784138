import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft, Link2, MousePointerClick, Sparkles } from 'lucide-react';
import { PageShell } from '@/components/ui/page-shell';
import { AccountMenu } from '@/components/auth/account-menu';
import { NewMapForm } from '@/components/documents/new-map-form';

export const metadata: Metadata = { title: 'New map from an essay' };

const NEXT_STEPS = [
  {
    icon: Sparkles,
    title: 'Suggestions to start from',
    text: 'Argmap proposes a thesis, claims and evidence from the essay’s wording — “should”, “because”, “for example” — and says why. Accept or dismiss each.',
  },
  {
    icon: MousePointerClick,
    title: 'Select words, choose a kind',
    text: 'Select a span of the essay and make it the thesis, a claim, a premise or evidence. It keeps the exact quote.',
  },
  { icon: Link2, title: 'Connect the reasons', text: 'Drag from one point to another on the canvas and choose whether it supports or attacks.' },
];

/** `/new` — make a map from any essay: paste it or upload a .txt/.md file. */
export default function NewMapPage() {
  return (
    <PageShell headerRight={<AccountMenu />} mainClassName="mx-auto max-w-5xl px-6 py-10" testId="new-map.page">
      <Link href="/" className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-indigo-700">
        <ArrowLeft aria-hidden className="h-4 w-4" /> All maps
      </Link>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-slate-900">New map from an essay</h1>
      <p className="mt-2 max-w-2xl text-lg text-slate-600">Bring any essay, op-ed or speech. You get an empty map beside the text, ready for its thesis.</p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <NewMapForm />
        <aside className="h-fit rounded-xl border border-indigo-100 bg-indigo-50/60 p-5 lg:sticky lg:top-6" aria-labelledby="new-map-next">
          <h2 id="new-map-next" className="font-semibold text-indigo-950">
            What happens next
          </h2>
          <ol className="mt-4 space-y-4">
            {NEXT_STEPS.map(({ icon: Icon, title, text }, index) => (
              <li key={title} className="flex gap-3">
                <span className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-white text-indigo-700 shadow-sm">
                  <Icon aria-hidden className="h-4 w-4" />
                </span>
                <div>
                  <p className="font-medium text-slate-900">
                    <span className="sr-only">Step {index + 1}: </span>
                    {title}
                  </p>
                  <p className="mt-0.5 text-sm text-slate-600">{text}</p>
                </div>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </PageShell>
  );
}
