import { Analyzer } from '../analysis/analyzer';
import { QuerySettings } from '../analysis/query-settings';
import { OwnerIndex } from '../index/owner-index';
import { QueryClause } from '../scoring/query-plan';
import { ClauseBuilder } from './clause-builder';
import { AnalyzedQuery } from './search-algorithm';

/** Completions considered for a word being typed; a one-letter prefix can otherwise span the vocabulary. */
export const MAX_COMPLETIONS = 2000;

/** A synonym the owner configured: nearly the word itself, but the word as typed ranks first. */
export const SYNONYM_WEIGHT = 0.9;
/** A second typo, relative to the weight of one. */
const TWO_TYPO_FACTOR = 0.8;

export interface ExpansionWeights {
  exact: number;
  /** One typo (two for words long enough in the settings), when the settings enable typo tolerance. */
  typo?: number;
  /** Typo expansion also for words that exist as typed (real-word typos), at this weight. */
  typoOfKnownWord?: number;
  completion?: number;
  soundAlike?: number;
  /** Sound-alikes only when nothing else matched the word: a last typo correction, off with typo tolerance. */
  soundAlikeAsFallback?: boolean;
}

/** Builds one clause per query word with the expansions the weights and the owner's settings enable. */
export function planClauses(
  query: AnalyzedQuery,
  index: OwnerIndex,
  analyzer: Analyzer,
  weights: ExpansionWeights,
  settings: QuerySettings,
): QueryClause[] {
  return query.words.map((word, position) => {
    const builder = new ClauseBuilder(word, index);
    const known = builder.addExact(analyzer, weights.exact);
    if (settings.synonyms.size > 0) {
      builder.addSynonyms(analyzer, settings.synonyms.get(analyzer.stem(word)), weights.exact * SYNONYM_WEIGHT);
    }
    const typing = query.lastWordIsPrefix && position === query.words.length - 1;
    if (weights.completion !== undefined && typing) {
      builder.addWords(index.vocabulary.withPrefix(word, MAX_COMPLETIONS), weights.completion, 'prefix');
    }
    const typoWeight = known ? weights.typoOfKnownWord : weights.typo;
    if (typoWeight !== undefined && settings.typoTolerance && word.length >= settings.minWordSizeOneTypo) {
      builder.addWords(index.vocabulary.withinOneEdit(word), typoWeight, 'typo-1');
      if (word.length >= settings.minWordSizeTwoTypos) {
        builder.addWords(index.vocabulary.withinTwoEdits(word), typoWeight * TWO_TYPO_FACTOR, 'typo-2');
      }
    }
    const fallback = weights.soundAlikeAsFallback === true;
    if (weights.soundAlike !== undefined && (!fallback || (settings.typoTolerance && builder.isEmpty))) {
      builder.addWords(index.vocabulary.soundingLike(word), weights.soundAlike, 'phonetic');
    }
    return builder.build();
  });
}
