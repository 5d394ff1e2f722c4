import { Analyzer } from '../analysis/analyzer';
import { OwnerIndex } from '../index/owner-index';
import { QueryClause } from '../scoring/query-plan';
import { ClauseBuilder } from './clause-builder';
import { AnalyzedQuery } from './search-algorithm';

/** Shortest word typo expansion applies to; shorter words have too many one-edit neighbours to be useful. */
export const MIN_TYPO_LENGTH = 4;
/** Completions considered for a word being typed; a one-letter prefix can otherwise span the vocabulary. */
export const MAX_COMPLETIONS = 2000;

export interface ExpansionWeights {
  exact: number;
  typo?: number;
  /** Typo expansion also for words that exist as typed (real-word typos), at this weight. */
  typoOfKnownWord?: number;
  completion?: number;
  soundAlike?: number;
  /** Sound-alikes only when nothing else matched the word. */
  soundAlikeAsFallback?: boolean;
}

/** Builds one clause per query word with the expansions the weights enable. */
export function planClauses(
  query: AnalyzedQuery,
  index: OwnerIndex,
  analyzer: Analyzer,
  weights: ExpansionWeights,
): QueryClause[] {
  return query.words.map((word, position) => {
    const builder = new ClauseBuilder(word, index);
    const known = builder.addExact(analyzer, weights.exact);
    const typing = query.lastWordIsPrefix && position === query.words.length - 1;
    if (weights.completion !== undefined && typing) {
      builder.addWords(index.vocabulary.withPrefix(word, MAX_COMPLETIONS), weights.completion);
    }
    const typoWeight = known ? weights.typoOfKnownWord : weights.typo;
    if (typoWeight !== undefined && word.length >= MIN_TYPO_LENGTH) {
      builder.addWords(index.vocabulary.withinOneEdit(word), typoWeight);
    }
    if (weights.soundAlike !== undefined && (!weights.soundAlikeAsFallback || builder.isEmpty)) {
      builder.addWords(index.vocabulary.soundingLike(word), weights.soundAlike);
    }
    return builder.build();
  });
}
