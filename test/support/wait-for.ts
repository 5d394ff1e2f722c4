/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with the
 * last value or error seen: every wait in these suites is bounded and says what it waited for.
 */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}; last: ${describe(last)}`);
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    return value.message;
  }
  return value === undefined ? 'no value' : JSON.stringify(value);
}
