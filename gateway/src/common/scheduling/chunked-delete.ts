/** Rows deleted per statement, so a sweep never holds SQLite's one connection (or PostgreSQL's locks) for long. */
export const DELETE_CHUNK = 5000;

/**
 * Calls `deleteChunk(DELETE_CHUNK)` until it deletes fewer than that, yielding to waiting requests between
 * chunks; answers the total deleted.
 */
export async function deleteInChunks(deleteChunk: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteChunk(DELETE_CHUNK);
    total += deleted;
    if (deleted < DELETE_CHUNK) {
      return total;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
