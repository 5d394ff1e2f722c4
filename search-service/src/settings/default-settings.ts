import type { EngineSettings } from '@search/engine/search-engine';

/**
 * The engine's behaviour without settings, as GetSearchSettings shows it and as an update's omitted fields take it.
 * Equal to the engine's own defaults (title, description, tags weighted 2.5, 1, 0.75; one typo from 4 letters; two
 * typos from 32, the largest size accepted); to be replaced by a re-export of the engine's DEFAULT_ENGINE_SETTINGS
 * once the engine package exports it.
 */
export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({
  synonyms: {},
  stopWords: [],
  typoTolerance: { enabled: true, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 32 },
  fieldWeights: { title: 2.5, description: 1, tags: 0.75 },
});
