import { Analyzer } from '../analysis/analyzer';
import { OwnerIndex } from '../index/owner-index';
import { QueryClause } from '../scoring/query-plan';

/** Collects the expansions of one query word, keeping the highest weight per term. */
export class ClauseBuilder {
  private readonly weights = new Map<number, number>();

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
    this.add(term, weight);
    return true;
  }

  /** The stems of the owner's synonyms of the word (folded words) that some document holds. */
  addSynonyms(analyzer: Analyzer, synonyms: readonly string[] | undefined, weight: number): void {
    for (const synonym of synonyms ?? []) {
      const term = this.index.findTerm(analyzer.stem(synonym));
      if (term >= 0 && this.index.documentFrequency(term) > 0) {
        this.add(term, weight);
      }
    }
  }

  /** Vocabulary words (ids) found by an expansion, through the stem each maps to. */
  addWords(wordIds: Iterable<number>, weight: number): void {
    for (const id of wordIds) {
      this.add(this.index.vocabulary.termOf(id), weight);
    }
  }

  get isEmpty(): boolean {
    return this.weights.size === 0;
  }

  build(): QueryClause {
    return {
      word: this.word,
      expansions: [...this.weights].map(([term, weight]) => ({ term, weight })),
    };
  }

  private add(term: number, weight: number): void {
    if ((this.weights.get(term) ?? 0) < weight) {
      this.weights.set(term, weight);
    }
  }
}
