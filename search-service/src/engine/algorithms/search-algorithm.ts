import { QuerySettings } from '../analysis/query-settings';
import { OwnerIndex } from '../index/owner-index';
import { QueryClause } from '../scoring/query-plan';

/** A query after analysis: folded words in order, stop words dropped (except a trailing word being typed). */
export interface AnalyzedQuery {
  words: string[];
  /** The last word may be incomplete (the text does not end in whitespace), so prefix matching applies. */
  lastWordIsPrefix: boolean;
}

/**
 * A ranking strategy. Every algorithm shares the index, BM25F scoring, filters and snippets; what differs is
 * which terms each query word expands to and at what weight; the owner's settings add synonyms and bound
 * typo corrections. Adding an algorithm means implementing this
 * and registering the class in `ALGORITHMS`.
 */
export interface SearchAlgorithm {
  readonly name: string;
  readonly description: string;
  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[];
}
