import { Analyzer } from '../../analysis/analyzer';
import { QuerySettings } from '../../analysis/query-settings';
import { OwnerIndex } from '../../index/owner-index';
import { QueryClause } from '../../scoring/query-plan';
import { planClauses } from '../expansions';
import { AnalyzedQuery, SearchAlgorithm } from '../search-algorithm';

export class TextAlgorithm implements SearchAlgorithm {
  readonly name = 'text';
  readonly description =
    'Ranked keyword search (BM25F): stemmed words, stop words ignored, title weighted over tags and description.';

  constructor(private readonly analyzer: Analyzer) {}

  plan(query: AnalyzedQuery, index: OwnerIndex, settings: QuerySettings): QueryClause[] {
    return planClauses(query, index, this.analyzer, { exact: 1 }, settings);
  }
}
