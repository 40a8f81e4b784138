/** Shortest node text a person may save, in characters. */
export const NODE_TEXT_MIN = 3;
/** Longest node text, in characters. */
export const NODE_TEXT_MAX = 1000;
/** Longest author display name, in characters. */
export const AUTHOR_NAME_MAX = 60;
/** Largest request body the API reads, in bytes. */
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;
/** Largest id the API accepts (ids are cuids or seed keys, far shorter). */
export const ID_MAX = 64;
/** Canvas coordinates beyond this are refused as nonsense. */
export const POSITION_LIMIT = 1_000_000;
/** Longest map title, in characters. */
export const MAP_TITLE_MAX = 200;
/** Most nodes one map may hold; an import with more is refused. */
export const MAP_NODES_MAX = 5000;
/** Largest file (AIF or Argdown text) that can be imported, in UTF-8 bytes. */
export const IMPORT_CONTENT_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Largest body `POST /api/maps/import` reads, in bytes: the file travels as a JSON string, whose
 * escapes (`\"`, `\n`, `\u…`) can make it larger than the file itself.
 */
export const IMPORT_BODY_MAX_BYTES = 2 * IMPORT_CONTENT_MAX_BYTES;
/** Largest body of a batch of positions (Tidy layout on a big map sends one per pinned node). */
export const POSITIONS_BODY_MAX_BYTES = 1024 * 1024;
/** Shortest comment, in characters (after trimming): a comment must say something. */
export const COMMENT_TEXT_MIN = 1;
/** Longest comment, in characters. */
export const COMMENT_TEXT_MAX = 2000;
/** The crowd rating scale of a node's strength, as Kialo's "impact": 0 (no impact) to 4 (decisive). */
export const RATING_MIN = 0;
export const RATING_MAX = 4;
/** Most history entries one request returns (the slider replays at most this far back at once). */
export const HISTORY_PAGE_MAX = 1000;
/** Shortest username, in characters. */
export const USERNAME_MIN = 3;
/** Longest username, in characters. */
export const USERNAME_MAX = 32;
/** Shortest password, in characters. */
export const PASSWORD_MIN = 8;
/** Longest password, in characters: long enough for any passphrase, short enough to hash cheaply. */
export const PASSWORD_MAX = 200;
/** How long a sign-in lasts, in days, before the browser must sign in again. */
export const SESSION_TTL_DAYS = 14;
/** Longest class name on a class copy. */
export const CLASS_NAME_MAX = 80;
/** Largest essay a new map can be made from (`POST /api/documents`, pasted or a .txt/.md file), in UTF-8 bytes. */
export const ESSAY_TEXT_MAX_BYTES = 200 * 1024;
/**
 * Largest body `POST /api/documents` reads, in bytes: the essay travels as a JSON string, whose
 * escapes (`\"`, `\n`, `\u…`) can make it larger than the text itself.
 */
export const DOCUMENT_BODY_MAX_BYTES = 3 * ESSAY_TEXT_MAX_BYTES;
/** Longest author of a document ("Haeyoung Kim"), in characters. */
export const DOCUMENT_AUTHOR_MAX = 200;
/** Longest source of a document ("Korea Policy Institute, 2009", or a URL), in characters. */
export const DOCUMENT_SOURCE_MAX = 500;
/** Longest critical-question id (`"<scheme>.<cq>"`) an objection may name, in characters. */
export const QUESTION_ID_MAX = 80;
/** Most positions one `PUT …/positions` may save or clear ("Tidy layout" on the largest map). */
export const POSITIONS_BATCH_MAX = 5000;
/** Shortest title of a class copy, in characters (after trimming). */
export const COPY_TITLE_MIN = 3;
/**
 * Most inferences (steps of reasoning) one map may hold; an import with more, after exact
 * duplicates are merged, is refused. Twice MAP_NODES_MAX: room for points that support several others.
 */
export const MAP_INFERENCES_MAX = 2 * MAP_NODES_MAX;
/** Most conflicts (attacks and undercuts) one map may hold; an import with more, after exact duplicates are merged, is refused. */
export const MAP_CONFLICTS_MAX = 2 * MAP_NODES_MAX;
/** Most premises of one inference (a linked argument); real schemes have a handful, corpora at most a dozen. */
export const INFERENCE_PREMISES_MAX = 100;
/**
 * Most premise links (a premise in a step) one map may hold, counted over all its steps: with
 * MAP_INFERENCES_MAX steps of up to INFERENCE_PREMISES_MAX premises a map could otherwise hold a
 * million, and what reads a map (the brief, the outline) grows with them.
 */
export const MAP_PREMISE_LINKS_MAX = 4 * MAP_NODES_MAX;

/**
 * The largest whole number a stored integer column holds (a 32-bit INTEGER on PostgreSQL): versions,
 * quote offsets and event ids. A larger number in a request is refused (or, for a cursor, matches
 * nothing) rather than reaching the database, which would refuse it with an error.
 */
export const STORED_INT_MAX = 2_147_483_647;
