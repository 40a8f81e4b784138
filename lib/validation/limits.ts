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
