import type { SearchSettings } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import type { EngineSettings } from '@search/engine/search-engine';

export const MAX_SYNONYM_KEYS = 1000;
export const MAX_SYNONYMS_PER_KEY = 50;
export const MAX_WORD_LENGTH = 50;
export const MAX_STOP_WORDS = 1000;
export const MAX_TYPO_WORD_SIZE = 32;
export const MAX_FIELD_WEIGHT = 10;

const FIELDS = ['title', 'description', 'tags'] as const;

/** Settings words are single lower-cased words, compared as the engine compares query words. */
function normaliseWord(value: string, field: string): string {
  const word = value.trim().toLowerCase();
  if (word.length < 1 || word.length > MAX_WORD_LENGTH) {
    throw SearchException.invalidArgument(`${field} must be 1 to ${MAX_WORD_LENGTH} characters`);
  }
  if (/\s/.test(word)) {
    throw SearchException.invalidArgument(`${field} must be a single word ("${value}" has spaces)`);
  }
  return word;
}

function validateSynonyms(synonyms: SearchSettings['synonyms'] | undefined): Record<string, string[]> {
  const entries = Object.entries(synonyms ?? {});
  if (entries.length > MAX_SYNONYM_KEYS) {
    throw SearchException.invalidArgument(`synonyms takes at most ${MAX_SYNONYM_KEYS} words`);
  }
  const merged = new Map<string, Set<string>>();
  for (const [rawKey, list] of entries) {
    const key = normaliseWord(rawKey, `synonyms key "${rawKey}"`);
    const words = list?.words ?? [];
    if (words.length < 1 || words.length > MAX_SYNONYMS_PER_KEY) {
      throw SearchException.invalidArgument(`synonyms["${rawKey}"] must list 1 to ${MAX_SYNONYMS_PER_KEY} words`);
    }
    const target = merged.get(key) ?? new Set<string>();
    words.forEach((word, index) => target.add(normaliseWord(word, `synonyms["${rawKey}"][${index}]`)));
    target.delete(key);
    if (target.size > MAX_SYNONYMS_PER_KEY) {
      throw SearchException.invalidArgument(`synonyms["${key}"] must list 1 to ${MAX_SYNONYMS_PER_KEY} words`);
    }
    merged.set(key, target);
  }
  const result: Record<string, string[]> = {};
  for (const [key, words] of merged) {
    // A word listed only as its own synonym changes nothing.
    if (words.size > 0) {
      result[key] = [...words];
    }
  }
  return result;
}

function validateStopWords(stopWords: string[] | undefined): string[] {
  const words = stopWords ?? [];
  if (words.length > MAX_STOP_WORDS) {
    throw SearchException.invalidArgument(`stop_words takes at most ${MAX_STOP_WORDS} words`);
  }
  return [...new Set(words.map((word, index) => normaliseWord(word, `stop_words[${index}]`)))];
}

function validateTypoSize(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TYPO_WORD_SIZE) {
    throw SearchException.invalidArgument(`typo_tolerance.${field} must be 1 to ${MAX_TYPO_WORD_SIZE}`);
  }
  return value;
}

function validateTypoTolerance(
  typo: SearchSettings['typoTolerance'],
  defaults: EngineSettings['typoTolerance'],
): EngineSettings['typoTolerance'] {
  if (!typo) {
    return { ...defaults };
  }
  // 0 is proto3's "not set" and never a valid size, so it selects the default.
  const one =
    typo.minWordSizeOneTypo === 0
      ? defaults.minWordSizeOneTypo
      : validateTypoSize(typo.minWordSizeOneTypo, 'min_word_size_one_typo');
  const two =
    typo.minWordSizeTwoTypos === 0
      ? Math.max(one, defaults.minWordSizeTwoTypos)
      : validateTypoSize(typo.minWordSizeTwoTypos, 'min_word_size_two_typos');
  if (two < one) {
    throw SearchException.invalidArgument(
      'typo_tolerance.min_word_size_two_typos must not be below typo_tolerance.min_word_size_one_typo',
    );
  }
  return { enabled: typo.enabled, minWordSizeOneTypo: one, minWordSizeTwoTypos: two };
}

function validateFieldWeights(
  weights: SearchSettings['fieldWeights'],
  defaults: EngineSettings['fieldWeights'],
): EngineSettings['fieldWeights'] {
  if (!weights) {
    return { ...defaults };
  }
  for (const field of FIELDS) {
    const value = weights[field];
    if (!Number.isFinite(value) || value < 0 || value > MAX_FIELD_WEIGHT) {
      throw SearchException.invalidArgument(`field_weights.${field} must be 0 to ${MAX_FIELD_WEIGHT}`);
    }
  }
  if (FIELDS.every((field) => weights[field] === 0)) {
    throw SearchException.invalidArgument('field_weights must give at least one field a weight above 0');
  }
  return { title: weights.title, description: weights.description, tags: weights.tags };
}

/** The whole settings of an update, omitted parts at their defaults; INVALID_ARGUMENT names the offending field. */
export function validateSettings(settings: SearchSettings | undefined, defaults: EngineSettings): EngineSettings {
  return {
    synonyms: validateSynonyms(settings?.synonyms),
    stopWords: validateStopWords(settings?.stopWords),
    typoTolerance: validateTypoTolerance(settings?.typoTolerance, defaults.typoTolerance),
    fieldWeights: validateFieldWeights(settings?.fieldWeights, defaults.fieldWeights),
  };
}

export function toSearchSettings(ownerId: number, settings: EngineSettings, updatedAt: string | null): SearchSettings {
  return {
    ownerId,
    synonyms: Object.fromEntries(Object.entries(settings.synonyms).map(([key, words]) => [key, { words }])),
    stopWords: settings.stopWords,
    typoTolerance: { ...settings.typoTolerance },
    fieldWeights: { ...settings.fieldWeights },
    updatedAt: updatedAt ?? '',
  };
}
