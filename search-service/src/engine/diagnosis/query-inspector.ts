import { Analyzer } from '../analysis/analyzer';
import { QuerySettings } from '../analysis/query-settings';
import { OwnerIndex } from '../index/owner-index';
import { Vocabulary } from '../index/vocabulary';
import { EngineNearestWord, EngineQueryInspection, EngineWordInspection } from '../search-engine';

/** Query words inspected at most, as many as a search reads. */
const MAX_INSPECTED_WORDS = 32;

/**
 * What an owner's index knows of each word of a query: the facts a no-result diagnosis reasons from (is the word
 * a stop word, is it in the library, which library word is closest and can the typo settings reach it).
 */
export class QueryInspector {
  constructor(private readonly analyzer: Analyzer) {}

  inspect(index: OwnerIndex | undefined, text: string, settings: QuerySettings): EngineQueryInspection {
    const words = [...new Set(this.analyzer.words(text))].slice(0, MAX_INSPECTED_WORDS);
    return {
      documents: index?.documentCount ?? 0,
      words: words.map((word) => this.inspectWord(index, word, settings)),
    };
  }

  private inspectWord(index: OwnerIndex | undefined, word: string, settings: QuerySettings): EngineWordInspection {
    const stopWord = this.analyzer.isStopWord(word) ? 'built_in' : settings.stopWords.has(word) ? 'owner' : null;
    const term = index && stopWord !== 'built_in' ? index.findTerm(this.analyzer.stem(word)) : -1;
    const documents = index && term >= 0 ? index.documentFrequency(term) : 0;
    const nearest = index && documents === 0 && stopWord === null ? nearestWord(index.vocabulary, word) : null;
    return {
      word,
      stopWord,
      documents,
      nearest,
      typoReachesNearest: nearest !== null && typoReaches(word, nearest.distance, settings),
    };
  }
}

/** The library word fewest edits away (one, else two), found in the most documents among equals. */
function nearestWord(vocabulary: Vocabulary, word: string): EngineNearestWord | null {
  for (const [distance, ids] of [
    [1, () => vocabulary.withinOneEdit(word)],
    [2, () => vocabulary.withinTwoEdits(word)],
  ] as const) {
    let best: EngineNearestWord | null = null;
    for (const id of ids()) {
      const documents = vocabulary.documentCount(id);
      if (vocabulary.termOf(id) >= 0 && documents > (best?.documents ?? 0)) {
        best = { word: vocabulary.word(id), distance, documents };
      }
    }
    if (best) {
      return best;
    }
  }
  return null;
}

/** Mirrors the typo expansion of the tolerant algorithms (see `planClauses`). */
export function typoReaches(word: string, distance: number, settings: QuerySettings): boolean {
  if (!settings.typoTolerance) {
    return false;
  }
  return word.length >= (distance === 1 ? settings.minWordSizeOneTypo : settings.minWordSizeTwoTypos);
}
