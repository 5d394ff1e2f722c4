/**
 * gRPC servers refuse messages over 4 MiB by default. Index calls stay well below it, whatever the
 * batch size setting: 10,000-character descriptions can take up to 30 KB each in UTF-8.
 */
export const MAX_INDEX_CALL_BYTES = 2 * 1024 * 1024;

/** Splits items, in order, into chunks of at most `maxItems` whose summed `sizeOf` stays within `maxBytes`. */
export function chunkByBudget<T>(items: T[], maxItems: number, maxBytes: number, sizeOf: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

/**
 * Approximate encoded size of an index document: its text in UTF-8 plus a little for the other fields
 * (a cue's two times and framing take at most 16 bytes).
 */
export function documentBytes(document: {
  title: string;
  description: string;
  tags: string[];
  captions?: Array<{ text: string }>;
}): number {
  const captions = document.captions ?? [];
  const text =
    document.title + document.description + document.tags.join('') + captions.map((cue) => cue.text).join('');
  return Buffer.byteLength(text, 'utf8') + 64 + document.tags.length * 4 + captions.length * 16;
}
