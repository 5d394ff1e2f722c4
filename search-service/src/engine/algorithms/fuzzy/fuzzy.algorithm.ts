import { Analyzer } from '../../analysis/analyzer';
import { QuerySettings } from '../../analysis/query-settings';
import { OwnerIndex } from '../../index/owner-index';
import { QueryClause } from '../../scoring/query-plan';
import { planClauses } from '../expansions';
import { AnalyzedQuery, SearchAlgorithm } from '../search-algorithm';

export class FuzzyAlgorithm implements SearchAlgorithm {
  readonly name = 'fuzzy';
  readonly description =
    'Typo tolerant: words within one edit (insertion, deletion, substitution, transposition) of a query word of 4+ letters also match, ranked below exact matches; typo tolerance settings change the word sizes, allow two edits or turn corrections off.';

  constructor(private readonly analyzer: Analyzer) {}

  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[] {
    return planClauses(query, index, this.analyzer, { exact: 1, typo: 0.8, typoOfKnownWord: 0.8 }, settings);
  }
}
