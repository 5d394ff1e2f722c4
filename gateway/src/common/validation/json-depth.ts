/**
 * Deeper than any body this API takes (a search's filters are a few levels). Validation walks a body
 * recursively (Nest's ValidationPipe, class-transformer), so a far deeper one would overflow the stack.
 */
export const MAX_JSON_DEPTH = 32;

/** How a refusal says it, after what was refused ("Request body", "row"). */
export const NESTS_TOO_DEEP = `nests more than ${MAX_JSON_DEPTH} levels of objects and arrays`;

/** Whether a parsed JSON value nests objects or arrays more than `limit` levels; walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() as number;
    if (node === null || typeof node !== 'object') {
      continue;
    }
    if (depth > limit) {
      return true;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
