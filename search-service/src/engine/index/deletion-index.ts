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
  private keys: Float64Array = new Float64Array(0);
  private readonly delta = new Map<number, number[]>();
  private deltaWords = 0;
  private deltaIds: number[] = [];
  private indexedWords = 0;
  private pending: number[] = [];
  private readonly found = new Set<number>();

  constructor(private readonly liveWords: () => Iterable<[number, string]>) {}

  /** Queues a word; it becomes findable at the next `prepare()` (called by every lookup). */
  add(wordId: number): void {
    this.pending.push(wordId);
  }

  /** After a batch: rebuilds the sorted array once the queue has grown large; small queues wait for a lookup. */
  prepareBulk(): void {
    if (this.mustRebuild()) {
      this.rebuild();
    }
  }

  /** Indexes queued words: into the small map when few, else by rebuilding the sorted array. */
  prepare(word: (id: number) => string): void {
    if (this.pending.length === 0) {
      return;
    }
    if (this.mustRebuild()) {
      this.rebuild();
      return;
    }
    for (const id of this.pending) {
      const text = word(id);
      if (text.length < MIN_WORD_LENGTH) {
        continue;
      }
      forEachNeighbourHash(text, (hash) => {
        const ids = this.delta.get(hash);
        if (ids) {
          ids.push(id);
        } else {
          this.delta.set(hash, [id]);
        }
      });
      this.deltaWords++;
      this.deltaIds.push(id);
    }
    this.pending = [];
  }

  /** Word ids that may lie within one edit of `word` (unverified; removed words may appear). */
  candidates(word: string): number[] {
    this.found.clear();
    forEachNeighbourHash(word, (hash) => this.collect(hash));
    return [...this.found];
  }

  byteSize(): number {
    return this.keys.byteLength + this.deltaWords * 100;
  }

  private mustRebuild(): boolean {
    return this.pending.length + this.deltaWords > Math.max(1024, this.indexedWords);
  }

  toSnapshot(): DeletionIndexSnapshot {
    return { keys: this.keys, indexedWords: this.indexedWords, pending: [...this.pending, ...this.deltaIds] };
  }

  restore(snapshot: DeletionIndexSnapshot): void {
    this.keys = snapshot.keys;
    this.indexedWords = snapshot.indexedWords;
    this.delta.clear();
    this.deltaIds = [];
    this.deltaWords = 0;
    this.pending = [...snapshot.pending];
  }

  private collect(hash: number): void {
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
      this.found.add(keys[at] - low);
    }
    for (const id of this.delta.get(hash) ?? []) {
      this.found.add(id);
    }
  }

  private rebuild(): void {
    const words: Array<[number, string]> = [];
    let size = 0;
    for (const [id, word] of this.liveWords()) {
      if (word.length >= MIN_WORD_LENGTH && id < ID_SPACE) {
        words.push([id, word]);
        size += word.length + 1;
      }
    }
    const keys = new Float64Array(size);
    let at = 0;
    for (const [id, word] of words) {
      forEachNeighbourHash(word, (hash) => {
        keys[at++] = hash * ID_SPACE + id;
      });
    }
    this.keys = keys.sort();
    this.indexedWords = words.length;
    this.delta.clear();
    this.deltaWords = 0;
    this.deltaIds = [];
    this.pending = [];
  }
}

/** The sorted neighbourhood keys and the words not in them yet. */
export interface DeletionIndexSnapshot {
  keys: Float64Array;
  indexedWords: number;
  pending: number[];
}

/**
 * Calls `visit` with the hash of the word and of each one-letter deletion (FNV-1a, 31 bits so that
 * `hash * 2^22 + id` stays an exact double). Repeated letters give repeated hashes; callers dedupe ids.
 */
function forEachNeighbourHash(word: string, visit: (hash: number) => void): void {
  visit(hashSkipping(word, -1));
  for (let skip = 0; skip < word.length; skip++) {
    visit(hashSkipping(word, skip));
  }
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
