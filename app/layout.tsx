import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { publicOrigin } from '@/lib/http/public-origin';
import './globals.css';

const DESCRIPTION = 'Map an essay’s argument: thesis, claims, premises, evidence — and the objections to them.';

/** The social preview of a link to Argmap: the op-ed map, as rendered by scripts/render-public-assets.mjs. */
const PREVIEW_IMAGE = { url: '/og-map.png', width: 1200, height: 630, alt: 'An Argmap argument map: a thesis, the reasons that support it and the objections to them.' };

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
