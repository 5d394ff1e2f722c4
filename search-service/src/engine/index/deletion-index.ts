const ID_BITS = 22;
const ID_SPACE = 2 ** ID_BITS;
const MIN_WORD_LENGTH = 3;

/**
 * Typo lookup over a vocabulary by deletion neighbourhoods (SymSpell): a word and each of its one-letter
 * deletions are hashed into one sorted Float64Array of `hash * 2^22 + wordId`, so a query word finds every
 * vocabulary word within one edit (insertion, deletion, substitution or transposition) by hashing its own
 * deletions and binary-searching, never by scanning the vocabulary. Hash collisions only add candidates,
 * which the caller verifies with a real edit distance. Words added after the last build wait in a small
 * map; the sorted array is rebuilt once that map grows past a fraction of it.
 */
export class DeletionIndex {
  private keys = new Float64Array(0);
  private pending = new Map<number, number[]>();
  private pendingEntries = 0;
  private readonly seenScratch = new Set<number>();

  constructor(private readonly liveWords: () => Iterable<[number, string]>) {}

  add(wordId: number, word: string): void {
    if (word.length < MIN_WORD_LENGTH) {
      return;
    }
    for (const hash of neighbourhoodHashes(word)) {
      const ids = this.pending.get(hash);
      if (ids) {
        ids.push(wordId);
      } else {
        this.pending.set(hash, [wordId]);
      }
      this.pendingEntries++;
    }
    if (this.pendingEntries > 4096 && this.pendingEntries > this.keys.length / 2) {
      this.rebuild();
    }
  }

  /** Word ids that may lie within one edit of `word` (unverified; removed words may appear). */
  candidates(word: string): number[] {
    const found = this.seenScratch;
    found.clear();
    for (const hash of neighbourhoodHashes(word)) {
      this.collect(hash, found);
    }
    return [...found];
  }

  byteSize(): number {
    return this.keys.byteLength + this.pendingEntries * 16;
  }

  private collect(hash: number, found: Set<number>): void {
    const keys = this.keys;
    const low = hash * ID_SPACE;
    const high = low + ID_SPACE;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < low) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (let at = lo; at < keys.length && keys[at] < high; at++) {
      found.add(keys[at] - low);
    }
    const pending = this.pending.get(hash);
    if (pending) {
      for (const id of pending) {
        found.add(id);
      }
    }
  }

  private rebuild(): void {
    const collected: number[] = [];
    for (const [id, word] of this.liveWords()) {
      if (word.length >= MIN_WORD_LENGTH && id < ID_SPACE) {
        for (const hash of neighbourhoodHashes(word)) {
          collected.push(hash * ID_SPACE + id);
        }
      }
    }
    this.keys = Float64Array.from(collected).sort();
    this.pending.clear();
    this.pendingEntries = 0;
  }
}

/** The word and its one-letter deletions, hashed (FNV-1a, 31 bits so `hash * 2^22 + id` stays exact). */
function neighbourhoodHashes(word: string): Set<number> {
  const hashes = new Set<number>();
  hashes.add(hashSkipping(word, -1));
  for (let skip = 0; skip < word.length; skip++) {
    hashes.add(hashSkipping(word, skip));
  }
  return hashes;
}

function hashSkipping(word: string, skip: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i !== skip) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return (hash >>> 1) & 0x7fffffff;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  const n = b.length;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) {
      return max + 1;
    }
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[n];
}
