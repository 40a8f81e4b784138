import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Argmap', template: '%s · Argmap' },
  description: 'Map an essay’s argument: thesis, claims, premises, evidence — and the objections to them.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put proxy.ts's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
