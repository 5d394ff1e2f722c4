import { Analyzer } from '../../analysis/analyzer';
import { QuerySettings } from '../../analysis/query-settings';
import { OwnerIndex } from '../../index/owner-index';
import { QueryClause } from '../../scoring/query-plan';
import { planClauses } from '../expansions';
import { AnalyzedQuery, SearchAlgorithm } from '../search-algorithm';

export class PhoneticAlgorithm implements SearchAlgorithm {
  readonly name = 'phonetic';
  readonly description =
    'Sound-alike: words sharing a Double Metaphone code with a query word also match, ranked below exact matches.';

  constructor(private readonly analyzer: Analyzer) {}

  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[] {
    return planClauses(query, index, this.analyzer, { exact: 1, soundAlike: 0.8 }, settings);
  }
}
