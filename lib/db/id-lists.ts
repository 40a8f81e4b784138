/**
 * Lists of ids bound into one SQL statement (`id IN (…)`, Prisma's `{ in: ids }`) are cut into
 * slices: SQLite refuses a statement with more bound values than its limit (999 in the build that
 * better-sqlite3 bundles), and a map's lists — what a delete takes with it, the positions of a
 * "Tidy layout" — reach MAP_NODES_MAX. No module in lib/db binds an unbounded list any other way.
 */

/** Ids bound per statement: half of SQLite's 999, leaving room for the statement's other values. */
export const IDS_PER_STATEMENT = 500;

/** `ids` in consecutive slices of at most {@link IDS_PER_STATEMENT}. */
export function idSlices<T>(ids: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < ids.length; i += size) slices.push(ids.slice(i, i + size));
  return slices;
}

/**
 * Runs `query` once per slice of `ids`, one after another (a transaction runs one statement at a
 * time anyway), and concatenates the rows in order.
 *
 * @example const rows = await findInSlices(removed, (slice) => tx.node.findMany({ where: { id: { in: slice } } }));
 */
export async function findInSlices<T, R>(ids: readonly T[], query: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const slice of idSlices(ids)) rows.push(...(await query(slice)));
  return rows;
}

/** Runs an `updateMany` once per slice of `ids` and adds up the rows it changed. */
export async function updateInSlices<T>(ids: readonly T[], update: (slice: T[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (const slice of idSlices(ids)) count += (await update(slice)).count;
  return count;
}
