import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">That map does not exist</h1>
      <p className="mt-3 text-slate-600">It may have been renamed, or the link is mistyped.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
        See all maps
      </Link>
    </main>
  );
}
