const ID_BITS = 22;
const ID_SPACE = 2 ** ID_BITS;
const MIN_WORD_LENGTH = 3;

/**
 * Typo lookup over a vocabulary by deletion neighbourhoods (SymSpell): a word and each of its one-letter
 * deletions are hashed into sorted Float64Arrays of `hash * 2^22 + wordId`, so a query word finds every
 * vocabulary word within one edit (insertion, deletion, substitution or transposition) by hashing its own
 * deletions and binary-searching, never by scanning the vocabulary. Hash collisions only add candidates,
 * which the caller verifies with a real edit distance.
 *
 * New words are merged like a two-level log-structured tree, so neither a bulk load nor a trickle of
 * single upserts ever re-sorts everything: batches of queued words are sorted and merged into a `recent`
 * array, which is merged into `main` once it reaches a quarter of its size. A lookup finds at most a few
 * hundred words still queued and hashes those into a small map.
 */
export class DeletionIndex {
  private main: Float64Array = new Float64Array(0);
  private recent: Float64Array = new Float64Array(0);
  private readonly queuedHashes = new Map<number, number[]>();
  private queued: number[] = [];
  private hashedQueue = 0;
  private readonly found = new Set<number>();

  constructor(private readonly word: (id: number) => string) {}

  /** Queues a word; batches are merged by `prepareBulk()`, a lookup sees the rest through a small map. */
  add(wordId: number): void {
    this.queued.push(wordId);
  }

  /** After a batch of changes: merges the queue into the sorted arrays once it is worth a merge. */
  prepareBulk(): void {
    if (this.queued.length < MERGE_BATCH) {
      return;
    }
    this.recent = mergeSorted(this.recent, this.keysOf(this.queued));
    this.queued = [];
    this.queuedHashes.clear();
    this.hashedQueue = 0;
    if (this.recent.length > this.main.length / 4) {
      this.main = mergeSorted(this.main, this.recent);
      this.recent = new Float64Array(0);
    }
  }

  /** Word ids that may lie within one edit of `word` (unverified; removed words may appear). */
  candidates(word: string): number[] {
    this.prepareBulk();
    this.hashQueue();
    this.found.clear();
    forEachNeighbourHash(word, (hash) => {
      this.collect(this.main, hash);
      this.collect(this.recent, hash);
      for (const id of this.queuedHashes.get(hash) ?? []) {
        this.found.add(id);
      }
    });
    return [...this.found];
  }

  toSnapshot(): DeletionIndexSnapshot {
    return { keys: mergeSorted(this.main, this.recent), pending: [...this.queued] };
  }

  restore(snapshot: DeletionIndexSnapshot): void {
    this.main = snapshot.keys;
    this.recent = new Float64Array(0);
    this.queued = [...snapshot.pending];
    this.queuedHashes.clear();
    this.hashedQueue = 0;
  }

  byteSize(): number {
    return this.main.byteLength + this.recent.byteLength;
  }

  private hashQueue(): void {
    for (; this.hashedQueue < this.queued.length; this.hashedQueue++) {
      const id = this.queued[this.hashedQueue];
      const text = this.word(id);
      if (text.length < MIN_WORD_LENGTH) {
        continue;
      }
      forEachNeighbourHash(text, (hash) => {
        const ids = this.queuedHashes.get(hash);
        if (ids) {
          ids.push(id);
        } else {
          this.queuedHashes.set(hash, [id]);
        }
      });
    }
  }

  private keysOf(ids: number[]): Float64Array {
    let size = 0;
    for (const id of ids) {
      const length = this.word(id).length;
      size += length >= MIN_WORD_LENGTH && id < ID_SPACE ? length + 1 : 0;
    }
    const keys = new Float64Array(size);
    let at = 0;
    for (const id of ids) {
      const text = this.word(id);
      if (text.length >= MIN_WORD_LENGTH && id < ID_SPACE) {
        forEachNeighbourHash(text, (hash) => {
          keys[at++] = hash * ID_SPACE + id;
        });
      }
    }
    return keys.sort();
  }

  private collect(keys: Float64Array, hash: number): void {
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
  }
}

/** Queued words merged at once; fewer wait for lookups, which hash them into a map. */
const MERGE_BATCH = 256;

/** The sorted neighbourhood keys and the words not in them yet. */
export interface DeletionIndexSnapshot {
  keys: Float64Array;
  pending: number[];
}

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) {
    return b;
  }
  if (b.length === 0) {
    return a;
  }
  const merged = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  }
  merged.set(a.subarray(i), k);
  merged.set(b.subarray(j), k + a.length - i);
  return merged;
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
