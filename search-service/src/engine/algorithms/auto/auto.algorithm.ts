import { Analyzer } from '../../analysis/analyzer';
import { QuerySettings } from '../../analysis/query-settings';
import { OwnerIndex } from '../../index/owner-index';
import { QueryClause } from '../../scoring/query-plan';
import { planClauses } from '../expansions';
import { AnalyzedQuery, SearchAlgorithm } from '../search-algorithm';

export class AutoAlgorithm implements SearchAlgorithm {
  readonly name = 'auto';
  readonly description =
    'Default: exact keyword matches first, then completions of the word being typed, then typo corrections, with sound-alikes for words nothing else matches.';

  constructor(private readonly analyzer: Analyzer) {}

  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[] {
    return planClauses(
      query,
      index,
      this.analyzer,
      {
        exact: 1,
        completion: 0.95,
        typo: 0.75,
        typoOfKnownWord: 0.6,
        soundAlike: 0.5,
        soundAlikeAsFallback: true,
      },
      settings,
    );
  }
}
