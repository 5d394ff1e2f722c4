import { Analyzer } from '../../analysis/analyzer';
import { QuerySettings } from '../../analysis/query-settings';
import { OwnerIndex } from '../../index/owner-index';
import { QueryClause } from '../../scoring/query-plan';
import { planClauses } from '../expansions';
import { AnalyzedQuery, SearchAlgorithm } from '../search-algorithm';

export class PrefixAlgorithm implements SearchAlgorithm {
  readonly name = 'prefix';
  readonly description =
    'As-you-type: the last word matches every indexed word it begins (unless the query ends with a space).';

  constructor(private readonly analyzer: Analyzer) {}

  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[] {
    return planClauses(query, index, this.analyzer, { exact: 1, completion: 0.9 }, settings);
  }
}
