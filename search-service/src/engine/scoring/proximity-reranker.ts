import { Analyzer } from '../analysis/analyzer';
import { OwnerIndex } from '../index/owner-index';
import { ScoredSlot } from './query-executor';
import { QueryClause } from './query-plan';

/** Candidates re-scored; the rest keep their order below them. */
export const RERANK_DEPTH = 30;
/** Two query words count as a phrase when at most this many indexed words apart, in query order. */
const PAIR_WINDOW = 6;
/** Share of the final score the proximity evidence decides. */
const PROXIMITY_SHARE = 0.5;
/** Within that share: consecutive query words found close together, and words found as typed. */
const PAIR_WEIGHT = 0.7;
const SURFACE_WEIGHT = 0.3;
/** Fields scanned for proximity: title and description (tags are a set, not a text). */
const TEXT_FIELDS = 2;
/** Query words beyond this do not contribute proximity evidence. */
const MAX_RERANK_CLAUSES = 16;

/**
 * Re-scores the best candidates with evidence postings cannot give: whether consecutive query words occur
 * next to each other in the same field and in query order (known-item queries are usually lifted from the
 * text), and whether words occur exactly as typed rather than through a stem or an expansion. Scores stay
 * in 0..1: the base score keeps 70% and the evidence can earn back the rest.
 */
export class ProximityReranker {
  constructor(private readonly analyzer: Analyzer) {}

  rerank(index: OwnerIndex, clauses: QueryClause[], ranked: ScoredSlot[]): ScoredSlot[] {
    const considered = clauses.slice(0, MAX_RERANK_CLAUSES);
    if (ranked.length === 0 || considered.length === 0) {
      return ranked;
    }
    const clauseMatches = clauseMatchesOf(considered);
    const surfaceIds = considered.map((clause) => index.vocabulary.idOf(clause.word));
    const scratch = newScratch(considered.length);
    const head = ranked.slice(0, RERANK_DEPTH).map((candidate) => ({
      ...candidate,
      score:
        candidate.score *
        (1 -
          PROXIMITY_SHARE +
          PROXIMITY_SHARE * this.evidence(index, candidate.slot, clauseMatches, surfaceIds, scratch)),
    }));
    head.sort((a, b) => b.score - a.score || a.slot - b.slot);
    const floor = head[head.length - 1].score;
    const tail = ranked
      .slice(RERANK_DEPTH)
      .map((candidate) => ({ ...candidate, score: Math.min(candidate.score, floor) }));
    return head.concat(tail);
  }

  /**
   * How `rerank` scaled a candidate's score: the multiplier is `kept + pair + asTyped`, each a share of the
   * first-pass score, so an explanation can report the proximity and exact-match parts separately.
   */
  explain(index: OwnerIndex, clauses: QueryClause[], slot: number): ProximityExplanation {
    const considered = clauses.slice(0, MAX_RERANK_CLAUSES);
    const scratch = newScratch(considered.length);
    const surfaceIds = considered.map((clause) => index.vocabulary.idOf(clause.word));
    this.evidence(index, slot, clauseMatchesOf(considered), surfaceIds, scratch);
    return {
      pairScore: scratch.pairScore,
      asTypedShare: scratch.asTypedShare,
      kept: 1 - PROXIMITY_SHARE,
      pair: PROXIMITY_SHARE * PAIR_WEIGHT * scratch.pairScore,
      asTyped: PROXIMITY_SHARE * SURFACE_WEIGHT * scratch.asTypedShare,
    };
  }

  /**
   * 0..1: how much of each consecutive query-word pair was found close together in query order (credited
   * with the weaker of the two matches' weights, so a phrase of typo corrections counts less than the
   * typed words), and the share of words found exactly as typed.
   */
  private evidence(
    index: OwnerIndex,
    slot: number,
    clauseMatches: Map<number, ClauseMatch[]>,
    surfaceIds: number[],
    scratch: Scratch,
  ): number {
    const clauses = surfaceIds.length;
    const { pairCredit, asTyped, lastPosition, lastWeight } = scratch;
    pairCredit.fill(0);
    asTyped.fill(0);
    lastWeight.fill(0);
    for (let field = 0; field < TEXT_FIELDS; field++) {
      lastPosition.fill(-Infinity);
      let position = 0;
      this.analyzer.scan(index.fieldText(slot, field), (source, start, end, hash) => {
        const wordId = index.vocabulary.find(source, start, end, hash);
        const term = wordId < 0 ? -1 : index.vocabulary.termOf(wordId);
        if (term < 0) {
          return;
        }
        for (const { clause, weight } of clauseMatches.get(term) ?? []) {
          if (clause > 0 && position - lastPosition[clause - 1] <= PAIR_WINDOW) {
            pairCredit[clause] = Math.max(pairCredit[clause], Math.min(weight, lastWeight[clause - 1]));
          }
          if (position !== lastPosition[clause] || weight > lastWeight[clause]) {
            lastPosition[clause] = position;
            lastWeight[clause] = weight;
          }
          if (wordId === surfaceIds[clause]) {
            asTyped[clause] = 1;
          }
        }
        position++;
      });
    }
    scratch.pairScore = clauses > 1 ? sum(pairCredit) / (clauses - 1) : 1;
    scratch.asTypedShare = sum(asTyped) / clauses;
    return PAIR_WEIGHT * scratch.pairScore + SURFACE_WEIGHT * scratch.asTypedShare;
  }
}

/** Per-clause working arrays, allocated once per query and reset per candidate. */
interface Scratch {
  pairCredit: Float64Array;
  asTyped: Uint8Array;
  lastPosition: Float64Array;
  lastWeight: Float64Array;
  /** The last candidate's evidence parts. */
  pairScore: number;
  asTypedShare: number;
}

export interface ProximityExplanation {
  /** 0..1: consecutive query words found close together, in query order. */
  pairScore: number;
  /** 0..1: share of query words found exactly as typed. */
  asTypedShare: number;
  /** Shares of the first-pass score the reranked score is made of; they sum to the multiplier. */
  kept: number;
  pair: number;
  asTyped: number;
}

function clauseMatchesOf(clauses: QueryClause[]): Map<number, ClauseMatch[]> {
  const clauseMatches = new Map<number, ClauseMatch[]>();
  clauses.forEach((clause, position) => {
    for (const { term, weight } of clause.expansions) {
      const matches = clauseMatches.get(term);
      if (matches) {
        matches.push({ clause: position, weight });
      } else {
        clauseMatches.set(term, [{ clause: position, weight }]);
      }
    }
  });
  return clauseMatches;
}

function newScratch(clauses: number): Scratch {
  return {
    pairCredit: new Float64Array(clauses),
    asTyped: new Uint8Array(clauses),
    lastPosition: new Float64Array(clauses),
    lastWeight: new Float64Array(clauses),
    pairScore: 0,
    asTypedShare: 0,
  };
}

interface ClauseMatch {
  clause: number;
  weight: number;
}

function sum(values: Float64Array | Uint8Array): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}
