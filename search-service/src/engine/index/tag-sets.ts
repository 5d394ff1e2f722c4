import { grow } from './typed-arrays';

const INITIAL_SLOTS = 256;

/**
 * Interned tag combinations: each slot points at the set of tag lists it carries, and documents mostly share
 * a few combinations. A tag facet over N matches then counts N integers, and adds each distinct combination's
 * count to its tags once, instead of walking every tag of every match.
 */
export class TagSets {
  private setOfSlot = new Int32Array(INITIAL_SLOTS);
  /** Per set id: its tag list ids, ascending; null for a freed id. */
  private readonly lists: Array<Int32Array | null> = [];
  private readonly keys: string[] = [];
  private readonly references: number[] = [];
  private readonly idsByKey = new Map<string, number>();
  private readonly freeIds: number[] = [];
  private setCounts = new Int32Array(64);
  private listCounts = new Int32Array(64);
  private readonly touchedLists: number[] = [];

  /** Points `slot` at the set of `tagLists` (distinct ids, any order); the slot must not hold one yet. */
  assign(slot: number, tagLists: readonly number[]): void {
    const sorted = Int32Array.from(tagLists).sort();
    const key = sorted.join(',');
    let id = this.idsByKey.get(key);
    if (id === undefined) {
      id = this.freeIds.pop() ?? this.lists.length;
      this.lists[id] = sorted;
      this.keys[id] = key;
      this.references[id] = 0;
      this.idsByKey.set(key, id);
    }
    this.references[id]++;
    if (slot >= this.setOfSlot.length) {
      this.setOfSlot = grow(this.setOfSlot, Math.max(slot + 1, this.setOfSlot.length * 2));
    }
    this.setOfSlot[slot] = id;
  }

  /** Forgets the set of a removed slot, freeing the set when no other slot holds it. */
  release(slot: number): void {
    const id = this.setOfSlot[slot];
    if (--this.references[id] === 0) {
      this.idsByKey.delete(this.keys[id]);
      this.lists[id] = null;
      this.freeIds.push(id);
    }
  }

  /**
   * Calls `visit(list, count)` for every tag list carried by at least one of `slots[0, count)`, with how many
   * of them carry it.
   */
  countTags(slots: Int32Array, count: number, visit: (list: number, count: number) => void): void {
    const sets = this.lists.length;
    if (this.setCounts.length < sets) {
      this.setCounts = new Int32Array(Math.max(sets, this.setCounts.length * 2));
    }
    const setCounts = this.setCounts;
    const setOfSlot = this.setOfSlot;
    for (let i = 0; i < count; i++) {
      setCounts[setOfSlot[slots[i]]]++;
    }
    const touched = this.touchedLists;
    touched.length = 0;
    for (let id = 0; id < sets; id++) {
      const matched = setCounts[id];
      if (matched === 0) {
        continue;
      }
      setCounts[id] = 0;
      for (const list of this.lists[id] as Int32Array) {
        if (list >= this.listCounts.length) {
          this.listCounts = grow(this.listCounts, Math.max(list + 1, this.listCounts.length * 2));
        }
        if (this.listCounts[list] === 0) {
          touched.push(list);
        }
        this.listCounts[list] += matched;
      }
    }
    for (const list of touched) {
      visit(list, this.listCounts[list]);
      this.listCounts[list] = 0;
    }
  }
}
