import { z } from 'zod';

/**
 * zod compiles each object schema into a fast parser with `new Function` when it finds that eval
 * works, and probes that with `Function("")` as the schema is built. The page's
 * Content-Security-Policy forbids eval, so in the browser that probe is a CSP violation; there zod
 * uses its interpreter instead. Imported first by every schema module in this folder, so it runs
 * before any schema is built. The server has no such policy and keeps the compiled parsers.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
