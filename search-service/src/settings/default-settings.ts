import type { EngineSettings } from '@search/engine/search-engine';

/**
 * The engine's behaviour without settings. Placeholder until the engine exports DEFAULT_ENGINE_SETTINGS (then this
 * re-exports it): the values the engine hard-codes today.
 */
export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({
  synonyms: {},
  stopWords: [],
  typoTolerance: { enabled: true, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 32 },
  fieldWeights: { title: 2.5, description: 0.75, tags: 1 },
});
