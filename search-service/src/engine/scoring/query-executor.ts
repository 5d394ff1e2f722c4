import { FIELD_COUNT, FREQUENCY_BITS, OwnerIndex } from '../index/owner-index';
import { QueryClause, SlotFilter } from './query-plan';

/** BM25F parameters: title weighted over tags over description; titles are short, so less length damping. */
export const K1 = 1.2;
/** In `FIELDS` order (title, description, tags); the defaults of an owner's field weight settings. */
export const FIELD_WEIGHTS: readonly number[] = [2.5, 1, 0.75];
export const FIELD_B: readonly number[] = [0.5, 0.75, 0.5];
/** The largest frequency a posting holds: counts saturate there. */
export const FREQUENCY_MASK = (1 << FREQUENCY_BITS) - 1;
/** Documents missing query words are pushed down steeply: known-item queries want every word matched. */
export const COVERAGE_EXPONENT = 2;

export interface ScoredSlot {
  slot: number;
  score: number;
  coveredClauses: number;
}

/**
 * Every match of a query after the filters, in no particular order: `slots[i]` scored `scores[i]` for
 * `i < count`. The arrays are the executor's scratch space, valid until its next `execute` on the same index.
 */
export interface MatchSet {
  count: number;
  slots: Int32Array;
  scores: Float32Array;
}

interface Scratch {
  matchScores: Float32Array;
  scores: Float32Array;
  clauseScores: Float32Array;
  covered: Uint8Array;
  touched: Int32Array;
  clauseTouched: Int32Array;
}

/**
 * Term-at-a-time BM25F over an owner's postings. Each clause adds its best-matching expansion per document;
 * the sum is divided by the query's attainable maximum (the clauses' idf) so scores land in 0..1, then
 * scaled by the share of clauses the document satisfies.
 */
export class QueryExecutor {
  private readonly scratch = new WeakMap<OwnerIndex, Scratch>();

  /** The `limit` best matches, best first; `matches`, when given, receives every match. */
  execute(
    index: OwnerIndex,
    clauses: QueryClause[],
    filter: SlotFilter | null,
    limit: number,
    matches?: MatchSet,
    fieldWeights: readonly number[] = FIELD_WEIGHTS,
  ): ScoredSlot[] {
    const active = clauses.filter((clause) => clause.expansions.length > 0);
    if (matches) {
      matches.count = 0;
    }
    if (active.length === 0 || index.documentCount === 0) {
      return [];
    }
    const scratch = this.scratchFor(index);
    const { scores, clauseScores, covered, touched, clauseTouched } = scratch;
    const data = index.postings.buffer();
    const documents = index.documentCount;
    const averages = [0, 1, 2].map((field) => index.averageFieldLength(field));
    let touchedCount = 0;
    let attainable = 0;

    for (const clause of active) {
      const clauseIdf = referenceIdf(index, clause, documents);
      attainable += clauseIdf;
      let clauseCount = 0;
      for (const { term, weight } of clause.expansions) {
        const factor = weight * clauseIdf;
        const [start, end] = index.postings.range(term);
        for (let at = start; at < end; at += 2) {
          const slot = data[at];
          if (filter !== null && !filter(slot)) {
            continue;
          }
          const packed = data[at + 1];
          let tf = 0;
          for (let field = 0; field < FIELD_COUNT; field++) {
            const frequency = (packed >>> (field * FREQUENCY_BITS)) & FREQUENCY_MASK;
            if (frequency > 0) {
              const b = FIELD_B[field];
              const norm = 1 - b + (b * index.fieldLength(slot, field)) / averages[field];
              tf += (fieldWeights[field] * frequency) / norm;
            }
          }
          // Only in fields the owner weighted 0: not a match.
          if (tf === 0) {
            continue;
          }
          const value = (factor * tf) / (K1 + tf);
          if (clauseScores[slot] === 0) {
            clauseTouched[clauseCount++] = slot;
          }
          if (value > clauseScores[slot]) {
            clauseScores[slot] = value;
          }
        }
      }
      for (let i = 0; i < clauseCount; i++) {
        const slot = clauseTouched[i];
        if (covered[slot] === 0) {
          touched[touchedCount++] = slot;
        }
        scores[slot] += clauseScores[slot];
        covered[slot]++;
        clauseScores[slot] = 0;
      }
    }

    const top = new TopK(limit);
    const matchScores = scratch.matchScores;
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      const coverage = covered[slot] / active.length;
      const score = (scores[slot] / attainable) * coverage ** COVERAGE_EXPONENT;
      top.offer(slot, score, covered[slot]);
      matchScores[i] = score;
      scores[slot] = 0;
      covered[slot] = 0;
    }
    if (matches) {
      matches.count = touchedCount;
      matches.slots = touched;
      matches.scores = matchScores;
    }
    return top.sorted();
  }

  private scratchFor(index: OwnerIndex): Scratch {
    const capacity = index.capacity;
    let scratch = this.scratch.get(index);
    if (!scratch || scratch.scores.length < capacity) {
      const size = Math.max(capacity, (scratch?.scores.length ?? 0) * 2, 64);
      scratch = {
        matchScores: new Float32Array(size),
        scores: new Float32Array(size),
        clauseScores: new Float32Array(size),
        covered: new Uint8Array(size),
        touched: new Int32Array(size),
        clauseTouched: new Int32Array(size),
      };
      this.scratch.set(index, scratch);
    }
    return scratch;
  }
}

/** The idf every expansion of a clause is scored with: that of its strongest expansion (most common on ties). */
export function referenceIdf(index: OwnerIndex, clause: QueryClause, documents: number): number {
  let bestWeight = 0;
  let frequency = 0;
  for (const { term, weight } of clause.expansions) {
    const df = index.documentFrequency(term);
    if (weight > bestWeight || (weight === bestWeight && df > frequency)) {
      bestWeight = weight;
      frequency = df;
    }
  }
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** Bounded min-heap keeping the `k` best slots; ties resolve to the lower slot for stable output. */
class TopK {
  private readonly heap: ScoredSlot[] = [];

  constructor(private readonly k: number) {}

  offer(slot: number, score: number, coveredClauses: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ slot, score, coveredClauses });
      this.up(heap.length - 1);
    } else if (worse(heap[0], score, slot)) {
      heap[0] = { slot, score, coveredClauses };
      this.down(0);
    }
  }

  sorted(): ScoredSlot[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private up(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at], heap[parent].score, heap[parent].slot)) {
        break;
      }
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }

  private down(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && worse(heap[left], heap[smallest].score, heap[smallest].slot)) {
        smallest = left;
      }
      if (right < heap.length && worse(heap[right], heap[smallest].score, heap[smallest].slot)) {
        smallest = right;
      }
      if (smallest === at) {
        return;
      }
      [heap[at], heap[smallest]] = [heap[smallest], heap[at]];
      at = smallest;
    }
  }
}

/** Whether `entry` ranks below a candidate with `score` and `slot`. */
function worse(entry: ScoredSlot, score: number, slot: number): boolean {
  return entry.score < score || (entry.score === score && entry.slot > slot);
}
