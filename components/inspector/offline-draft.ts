/** What a form says when its send could not reach the server: the text stays in the form. */
export const OFFLINE_DRAFT_MESSAGE = 'You’re offline — your text is kept; send again when reconnected.';

/** The colours of an offline notice in a form: amber like the header's Offline, not the red of a refusal. */
export const OFFLINE_TONE = 'border-amber-300 bg-amber-50 text-amber-950';
