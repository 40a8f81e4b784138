import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { PREVIEW_IMAGE, SITE_DESCRIPTION } from '@/lib/http/link-preview';
import { publicOrigin } from '@/lib/http/public-origin';
import './globals.css';

const DESCRIPTION = SITE_DESCRIPTION;

/**
 * Every page's metadata: the title pattern, the icons and web manifest in public/, and the link
 * preview. `metadataBase` is the address people use (`PUBLIC_URL`, or the host the request came in
 * on), so the preview image's URL is absolute and right for the class's own server.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(publicOrigin({ headers: await headers() })),
    title: { default: 'Argmap', template: '%s · Argmap' },
    description: DESCRIPTION,
    applicationName: 'Argmap',
    manifest: '/manifest.webmanifest',
    icons: { apple: '/apple-touch-icon.png' },
    openGraph: { type: 'website', siteName: 'Argmap', title: 'Argmap', description: DESCRIPTION, images: [PREVIEW_IMAGE] },
    twitter: { card: 'summary_large_image', title: 'Argmap', description: DESCRIPTION, images: [PREVIEW_IMAGE] },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put proxy.ts's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
