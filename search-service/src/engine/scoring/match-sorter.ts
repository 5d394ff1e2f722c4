import { OwnerIndex } from '../index/owner-index';
import { SortCriterion } from '../search-engine';
import { MatchSet, ScoredSlot } from './query-executor';

/** Added to a reranked score so the reranked head sorts above every first-pass score (both are 0..1). */
const HEAD = 2;

type Comparison = (a: number, b: number) => number;

/**
 * Orders every match of a query by sort criteria, relevance breaking the remaining ties and then the video id.
 * Relevance is the order a plain query returns: the reranked head by its reranked score, then the rest by
 * their first-pass score, so a relevance tie-break agrees with the relevance order. Only the first
 * `offset + limit` are ordered (a bounded heap), so a page costs about one comparison per match.
 */
export class MatchSorter {
  /** Per match: its relevance, HEAD + the reranked score for the head. */
  private relevance = new Float64Array(64);
  /** Per slot: HEAD + the reranked score of a head slot, 0 elsewhere (cleared after each query). */
  private headScores = new Float64Array(64);
  private heap = new Int32Array(64);

  /**
   * The matches at `[offset, offset + limit)` of the order, with the score the relevance order gives them.
   * `head` is the reranked best of `matches` by relevance.
   */
  page(
    index: OwnerIndex,
    matches: MatchSet,
    head: readonly ScoredSlot[],
    criteria: readonly SortCriterion[],
    offset: number,
    limit: number,
  ): ScoredSlot[] {
    const { count, slots, scores } = matches;
    const wanted = Math.min(offset + limit, count);
    if (offset >= wanted) {
      return [];
    }
    const relevance = this.relevanceOf(index, matches, head);
    const compare = comparison(index, slots, relevance, criteria);
    const picked = this.best(compare, count, wanted);
    const floor = head.length > 0 ? head[head.length - 1].score : 0;
    const page: ScoredSlot[] = [];
    for (let at = offset; at < wanted; at++) {
      const match = picked[at];
      const value = relevance[match];
      page.push({
        slot: slots[match],
        score: value >= HEAD ? value - HEAD : Math.min(scores[match], floor),
        coveredClauses: 0,
      });
    }
    return page;
  }

  private relevanceOf(index: OwnerIndex, matches: MatchSet, head: readonly ScoredSlot[]): Float64Array {
    const { count, slots, scores } = matches;
    if (this.relevance.length < count) {
      this.relevance = new Float64Array(Math.max(count, this.relevance.length * 2));
    }
    if (this.headScores.length < index.capacity) {
      this.headScores = new Float64Array(Math.max(index.capacity, this.headScores.length * 2));
    }
    const relevance = this.relevance;
    const headScores = this.headScores;
    for (const { slot, score } of head) {
      headScores[slot] = HEAD + score;
    }
    for (let i = 0; i < count; i++) {
      const boosted = headScores[slots[i]];
      relevance[i] = boosted > 0 ? boosted : scores[i];
    }
    for (const { slot } of head) {
      headScores[slot] = 0;
    }
    return relevance;
  }

  /** The `wanted` first match indices of the order, in order: a max-heap of the best so far, then sorted. */
  private best(compare: Comparison, count: number, wanted: number): Int32Array {
    if (this.heap.length < wanted) {
      this.heap = new Int32Array(Math.max(wanted, this.heap.length * 2));
    }
    const heap = this.heap;
    let size = 0;
    for (let match = 0; match < count; match++) {
      if (size < wanted) {
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (compare(heap[parent], match) >= 0) {
            break;
          }
          heap[at] = heap[parent];
          at = parent;
        }
        heap[at] = match;
      } else if (compare(match, heap[0]) < 0) {
        siftDown(heap, size, match, compare);
      }
    }
    return heap.subarray(0, size).sort(compare);
  }
}

/** Puts `match` at the root of the max-heap `heap[0, size)` and moves it down to its place. */
function siftDown(heap: Int32Array, size: number, match: number, compare: Comparison): void {
  let at = 0;
  for (;;) {
    const left = at * 2 + 1;
    if (left >= size) {
      break;
    }
    const right = left + 1;
    const larger = right < size && compare(heap[right], heap[left]) > 0 ? right : left;
    if (compare(heap[larger], match) <= 0) {
      break;
    }
    heap[at] = heap[larger];
    at = larger;
  }
  heap[at] = match;
}

/** The order over match indices: each criterion in turn, then relevance (descending), then the video id. */
function comparison(
  index: OwnerIndex,
  slots: Int32Array,
  relevance: Float64Array,
  criteria: readonly SortCriterion[],
): Comparison {
  const byRelevance: Comparison = (a, b) => compareNumbers(relevance[a], relevance[b]);
  const ascending = criteria.map((criterion): Comparison => {
    switch (criterion.field) {
      case 'relevance':
        return byRelevance;
      case 'duration':
        return (a, b) => compareNumbers(index.duration(slots[a]), index.duration(slots[b]));
      case 'created_at':
        return (a, b) => compareNumbers(createdAtKey(index, slots[a]), createdAtKey(index, slots[b]));
      case 'title':
        return (a, b) => compareStrings(index.sortTitle(slots[a]), index.sortTitle(slots[b]));
    }
  });
  const ordered = ascending.map((compare, at): Comparison =>
    criteria[at].direction === 'asc' ? compare : (a, b) => compare(b, a),
  );
  const tieBreak: Comparison = (a, b) =>
    byRelevance(b, a) || compareNumbers(index.videoId(slots[a]), index.videoId(slots[b]));
  if (ordered.length === 1) {
    const [first] = ordered;
    return (a, b) => first(a, b) || tieBreak(a, b);
  }
  return (a, b) => {
    for (const compare of ordered) {
      const order = compare(a, b);
      if (order !== 0) {
        return order;
      }
    }
    return tieBreak(a, b);
  };
}

/** A document without a creation time sorts before every dated one ascending (after them descending). */
function createdAtKey(index: OwnerIndex, slot: number): number {
  const createdAt = index.createdAt(slot);
  return Number.isNaN(createdAt) ? -Infinity : createdAt;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
