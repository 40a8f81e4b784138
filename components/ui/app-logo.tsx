import Link from 'next/link';
import { Network } from 'lucide-react';

/** The product name and mark, linking home. */
export function AppLogo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded font-semibold text-slate-900" aria-label="Argmap home">
      <span className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-600 text-white">
        <Network aria-hidden className="h-5 w-5" />
      </span>
      <span className="text-lg tracking-tight">Argmap</span>
    </Link>
  );
}
