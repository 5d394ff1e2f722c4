import { grow } from './typed-arrays';

/**
 * Every term's postings in one growable Uint32Array: each posting is two words, the document slot and its
 * packed per-field term frequencies. One pool instead of one array per term keeps the per-term overhead at
 * three integers (a typed array per term costs hundreds of bytes, and most terms occur once). A list that
 * outgrows its block moves to the end of the pool; the holes left behind are reclaimed by compaction once
 * they outweigh the live data.
 */
export class PostingPool {
  private data = new Uint32Array(1 << 16);
  private used = 0;
  private garbage = 0;
  private offsets = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private capacities = new Int32Array(1024);
  private lists = 0;

  /** Allocates an empty list and returns its id. */
  createList(): number {
    if (this.lists === this.offsets.length) {
      this.offsets = grow(this.offsets, this.lists * 2);
      this.lengths = grow(this.lengths, this.lists * 2);
      this.capacities = grow(this.capacities, this.lists * 2);
    }
    return this.lists++;
  }

  /** Number of postings in the list. */
  size(list: number): number {
    return this.lengths[list] >> 1;
  }

  add(list: number, slot: number, packedFrequencies: number): void {
    const length = this.lengths[list];
    if (length + 2 > this.capacities[list]) {
      this.relocate(list, Math.max(2, this.capacities[list] * 2));
    }
    const at = this.offsets[list] + length;
    this.data[at] = slot;
    this.data[at + 1] = packedFrequencies;
    this.lengths[list] = length + 2;
  }

  /**
   * Removes the posting of `slot`; order inside a list carries no meaning, so the last posting fills the gap.
   * The scan starts at the end, where the most recently indexed documents are: the ones most often updated.
   */
  remove(list: number, slot: number): boolean {
    const start = this.offsets[list];
    const end = start + this.lengths[list];
    for (let at = end - 2; at >= start; at -= 2) {
      if (this.data[at] === slot) {
        this.data[at] = this.data[end - 2];
        this.data[at + 1] = this.data[end - 1];
        this.lengths[list] -= 2;
        return true;
      }
    }
    return false;
  }

  /** Calls `visit(slot, packedFrequencies)` for every posting of the list. */
  forEach(list: number, visit: (slot: number, packedFrequencies: number) => void): void {
    const data = this.data;
    const start = this.offsets[list];
    const end = start + this.lengths[list];
    for (let at = start; at < end; at += 2) {
      visit(data[at], data[at + 1]);
    }
  }

  /** Raw view for hot loops: postings of `list` are `[start, end)` in `buffer()`, two words each. */
  range(list: number): [number, number] {
    const start = this.offsets[list];
    return [start, start + this.lengths[list]];
  }

  buffer(): Uint32Array {
    return this.data;
  }

  byteSize(): number {
    return this.data.byteLength + this.offsets.byteLength * 3;
  }

  toSnapshot(): PostingPoolSnapshot {
    const lengths = this.lengths.slice(0, this.lists);
    const data = new Uint32Array(lengths.reduce((total, length) => total + length, 0));
    for (let list = 0, to = 0; list < this.lists; list++) {
      const from = this.offsets[list];
      data.set(this.data.subarray(from, from + lengths[list]), to);
      to += lengths[list];
    }
    return { data, lengths };
  }

  /** Replaces the contents with a snapshot's (lists keep their ids). */
  restore(snapshot: PostingPoolSnapshot): void {
    this.lists = snapshot.lengths.length;
    const size = Math.max(1024, this.lists);
    this.lengths = new Int32Array(size);
    this.lengths.set(snapshot.lengths);
    this.offsets = new Int32Array(size);
    this.capacities = new Int32Array(size);
    let used = 0;
    for (let list = 0; list < this.lists; list++) {
      this.offsets[list] = used;
      this.capacities[list] = Math.max(2, this.lengths[list]);
      used += this.capacities[list];
    }
    this.data = new Uint32Array(Math.max(1 << 16, used));
    for (let list = 0, from = 0; list < this.lists; list++) {
      this.data.set(snapshot.data.subarray(from, from + this.lengths[list]), this.offsets[list]);
      from += this.lengths[list];
    }
    this.used = used;
    this.garbage = 0;
  }

  /** Compacts when relocations have left holes worth half the live postings. */
  trim(): void {
    if (this.garbage > (this.used - this.garbage) / 2) {
      this.compact();
    }
  }

  private relocate(list: number, capacity: number): void {
    const length = this.lengths[list];
    if (this.garbage > this.used / 2 && this.garbage > 1 << 16) {
      this.compact();
    }
    if (this.used + capacity > this.data.length) {
      this.data = grow(this.data, Math.max(Math.ceil(this.data.length * 1.5), this.used + capacity));
    }
    const from = this.offsets[list];
    this.data.copyWithin(this.used, from, from + length);
    this.garbage += this.capacities[list];
    this.offsets[list] = this.used;
    this.capacities[list] = capacity;
    this.used += capacity;
  }

  private compact(): void {
    let live = 0;
    for (let list = 0; list < this.lists; list++) {
      live += slack(this.lengths[list]);
    }
    const next = new Uint32Array(Math.max(1 << 16, live));
    let used = 0;
    for (let list = 0; list < this.lists; list++) {
      const from = this.offsets[list];
      next.set(this.data.subarray(from, from + this.lengths[list]), used);
      this.offsets[list] = used;
      this.capacities[list] = slack(this.lengths[list]);
      used += this.capacities[list];
    }
    this.data = next;
    this.used = used;
    this.garbage = 0;
  }
}

/** Room kept for a list when compacting: a quarter more, so the next additions do not all relocate. */
function slack(length: number): number {
  return Math.max(2, length + ((length >> 3) << 1));
}

/** Postings of every list back to back, in list order, and each list's length (in words). */
export interface PostingPoolSnapshot {
  data: Uint32Array;
  lengths: Int32Array;
}
