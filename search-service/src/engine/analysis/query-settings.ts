import { FIELD_WEIGHTS } from '../scoring/query-executor';
import { EngineSettings } from '../search-engine';
import { Analyzer } from './analyzer';

/** Shortest word typo expansion applies to by default; shorter words have too many one-edit neighbours. */
const MIN_WORD_SIZE_ONE_TYPO = 4;
/**
 * The largest size the settings accept. Before settings the engine corrected one typo at most; this default
 * keeps that for every word but the rare 32 to 40 letter ones (the analyzer drops longer words).
 */
const MIN_WORD_SIZE_TWO_TYPOS = 32;

/** The engine's behaviour when a query carries no settings. */
export const DEFAULT_ENGINE_SETTINGS: Readonly<EngineSettings> = Object.freeze({
  synonyms: Object.freeze({}) as Record<string, string[]>,
  stopWords: Object.freeze([]) as unknown as string[],
  typoTolerance: Object.freeze({
    enabled: true,
    minWordSizeOneTypo: MIN_WORD_SIZE_ONE_TYPO,
    minWordSizeTwoTypos: MIN_WORD_SIZE_TWO_TYPOS,
  }),
  fieldWeights: Object.freeze({ title: FIELD_WEIGHTS[0], description: FIELD_WEIGHTS[1], tags: FIELD_WEIGHTS[2] }),
});

/** `EngineSettings` in the form the query path reads them: folded and stemmed once, not per query. */
export interface QuerySettings {
  /** Stem of a folded query word to the folded words it also finds. */
  synonyms: ReadonlyMap<string, readonly string[]>;
  /** Folded extra stop words. */
  stopWords: ReadonlySet<string>;
  typoTolerance: boolean;
  minWordSizeOneTypo: number;
  minWordSizeTwoTypos: number;
  /** In `FIELDS` order (title, description, tags). */
  fieldWeights: readonly number[];
}

/**
 * Compiles settings once per settings object: the plumbing keeps one object per owner until it changes, so a
 * search with unchanged settings costs one WeakMap lookup.
 */
export class QuerySettingsCompiler {
  private readonly compiled = new WeakMap<EngineSettings, QuerySettings>();
  readonly defaults: QuerySettings;

  constructor(private readonly analyzer: Analyzer) {
    this.defaults = this.compile(DEFAULT_ENGINE_SETTINGS);
  }

  resolve(settings: EngineSettings | undefined): QuerySettings {
    if (settings === undefined || settings === DEFAULT_ENGINE_SETTINGS) {
      return this.defaults;
    }
    let compiled = this.compiled.get(settings);
    if (!compiled) {
      compiled = this.compile(settings);
      this.compiled.set(settings, compiled);
    }
    return compiled;
  }

  private compile(settings: EngineSettings): QuerySettings {
    const synonyms = new Map<string, string[]>();
    for (const [key, values] of Object.entries(settings.synonyms)) {
      const words = this.analyzer.words(key);
      // A multi-word key cannot match one query word; values may hold several words, each of which is found.
      if (words.length !== 1) {
        continue;
      }
      const stem = this.analyzer.stem(words[0]);
      const found = synonyms.get(stem) ?? [];
      for (const value of values) {
        for (const word of this.analyzer.words(value)) {
          if (!found.includes(word) && !this.analyzer.isStopWord(word)) {
            found.push(word);
          }
        }
      }
      synonyms.set(stem, found);
    }
    const { enabled, minWordSizeOneTypo, minWordSizeTwoTypos } = settings.typoTolerance;
    const { title, description, tags } = settings.fieldWeights;
    return {
      synonyms,
      stopWords: new Set(settings.stopWords.flatMap((word) => this.analyzer.words(word))),
      typoTolerance: enabled,
      minWordSizeOneTypo,
      minWordSizeTwoTypos,
      fieldWeights: [title, description, tags],
    };
  }
}
