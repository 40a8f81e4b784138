/** The social preview image of a link to Argmap: the op-ed map, rendered by scripts/render-public-assets.mjs. */
export const PREVIEW_IMAGE = {
  url: '/og-map.png',
  width: 1200,
  height: 630,
  alt: 'An Argmap argument map: a thesis, the reasons that support it and the objections to them.',
} as const;

/** What a link preview says of Argmap itself. */
export const SITE_DESCRIPTION = 'Map an essay’s argument: thesis, claims, premises, evidence — and the objections to them.';
