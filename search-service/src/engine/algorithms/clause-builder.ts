import { Analyzer } from '../analysis/analyzer';
import { OwnerIndex } from '../index/owner-index';
import { ExpansionSource, QueryClause, TermExpansion } from '../scoring/query-plan';

/** Collects the expansions of one query word, keeping the highest weight per term. */
export class ClauseBuilder {
  private readonly expansions = new Map<number, TermExpansion>();

  constructor(
    private readonly word: string,
    private readonly index: OwnerIndex,
  ) {}

  /** The word's own stem, unless it is a stop word (never indexed). */
  addExact(analyzer: Analyzer, weight = 1): boolean {
    if (analyzer.isStopWord(this.word)) {
      return false;
    }
    const term = this.index.findTerm(analyzer.stem(this.word));
    if (term < 0 || this.index.documentFrequency(term) === 0) {
      return false;
    }
    this.add(term, weight, 'stem');
    return true;
  }

  /** The stems of the owner's synonyms of the word (folded words) that some document holds. */
  addSynonyms(analyzer: Analyzer, synonyms: readonly string[] | undefined, weight: number): void {
    for (const synonym of synonyms ?? []) {
      const term = this.index.findTerm(analyzer.stem(synonym));
      if (term >= 0 && this.index.documentFrequency(term) > 0) {
        this.add(term, weight, 'synonym');
      }
    }
  }

  /** Vocabulary words (ids) found by an expansion, through the stem each maps to. */
  addWords(wordIds: Iterable<number>, weight: number, source: ExpansionSource): void {
    for (const id of wordIds) {
      this.add(this.index.vocabulary.termOf(id), weight, source);
    }
  }

  get isEmpty(): boolean {
    return this.expansions.size === 0;
  }

  build(): QueryClause {
    return {
      word: this.word,
      expansions: [...this.expansions.values()],
    };
  }

  private add(term: number, weight: number, source: ExpansionSource): void {
    if ((this.expansions.get(term)?.weight ?? 0) < weight) {
      this.expansions.set(term, { term, weight, source });
    }
  }
}
