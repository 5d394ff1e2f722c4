import type { SearchSettings } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchExceptionCode } from '@search/common/search.exception';
import type { EngineSettings } from '@search/engine/search-engine';
import { toSearchSettings, validateSettings } from './search-settings.validator';

const DEFAULTS: EngineSettings = {
  synonyms: {},
  stopWords: [],
  typoTolerance: { enabled: true, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 32 },
  fieldWeights: { title: 2.5, description: 0.75, tags: 1 },
};

function settings(overrides: Partial<SearchSettings> = {}): SearchSettings {
  return {
    ownerId: 0,
    synonyms: {},
    stopWords: [],
    typoTolerance: undefined,
    fieldWeights: undefined,
    updatedAt: '',
    ...overrides,
  };
}

const invalid = (message: RegExp) =>
  expect.objectContaining({ code: SearchExceptionCode.InvalidArgument, message: expect.stringMatching(message) });

describe('validateSettings', () => {
  it('resets to the defaults when nothing is given', () => {
    expect(validateSettings(undefined, DEFAULTS)).toEqual(DEFAULTS);
    expect(validateSettings(settings(), DEFAULTS)).toEqual(DEFAULTS);
  });

  it('lower-cases and trims words, merges keys that fold together and drops a word listed as its own synonym', () => {
    const result = validateSettings(
      settings({
        synonyms: { Car: { words: [' Auto ', 'car'] }, car: { words: ['automobile'] }, tv: { words: ['TV'] } },
        stopWords: ['The', 'the', ' of '],
      }),
      DEFAULTS,
    );
    expect(result.synonyms).toEqual({ car: ['auto', 'automobile'] });
    expect(result.stopWords).toEqual(['the', 'of']);
  });

  it('keeps typo sizes and weights as given, a size left at 0 taking the default', () => {
    const result = validateSettings(
      settings({
        typoTolerance: { enabled: false, minWordSizeOneTypo: 5, minWordSizeTwoTypos: 0 },
        fieldWeights: { title: 0, description: 0, tags: 10 },
      }),
      DEFAULTS,
    );
    expect(result.typoTolerance).toEqual({ enabled: false, minWordSizeOneTypo: 5, minWordSizeTwoTypos: 32 });
    expect(result.fieldWeights).toEqual({ title: 0, description: 0, tags: 10 });
  });

  it.each([
    ['a synonym key with no words', settings({ synonyms: { car: { words: [] } } }), /synonyms\["car"\] must list 1/],
    ['an empty synonym', settings({ synonyms: { car: { words: [' '] } } }), /synonyms\["car"\]\[0\] must be 1 to 50/],
    ['a synonym of two words', settings({ synonyms: { car: { words: ['sports car'] } } }), /single word/],
    ['an empty synonym key', settings({ synonyms: { ' ': { words: ['x'] } } }), /synonyms key/],
    [
      'too many synonyms of one word',
      settings({ synonyms: { car: { words: Array.from({ length: 51 }, (_, i) => `w${i}`) } } }),
      /must list 1 to 50/,
    ],
    ['a 51-letter stop word', settings({ stopWords: ['x'.repeat(51)] }), /stop_words\[0\]/],
    ['too many stop words', settings({ stopWords: Array.from({ length: 1001 }, (_, i) => `w${i}`) }), /at most 1000/],
    [
      'a one-typo size of 33',
      settings({ typoTolerance: { enabled: true, minWordSizeOneTypo: 33, minWordSizeTwoTypos: 33 } }),
      /min_word_size_one_typo must be 1 to 32/,
    ],
    [
      'a negative size',
      settings({ typoTolerance: { enabled: true, minWordSizeOneTypo: -1, minWordSizeTwoTypos: 8 } }),
      /min_word_size_one_typo/,
    ],
    [
      'two typos allowed before one',
      settings({ typoTolerance: { enabled: true, minWordSizeOneTypo: 8, minWordSizeTwoTypos: 5 } }),
      /must not be below/,
    ],
    [
      'a weight above 10',
      settings({ fieldWeights: { title: 11, description: 1, tags: 1 } }),
      /field_weights.title must be 0 to 10/,
    ],
    [
      'a negative weight',
      settings({ fieldWeights: { title: 1, description: -1, tags: 1 } }),
      /field_weights.description/,
    ],
    ['every weight 0', settings({ fieldWeights: { title: 0, description: 0, tags: 0 } }), /at least one field/],
  ])('refuses %s, naming the field', (_label, input, message) => {
    expect(() => validateSettings(input, DEFAULTS)).toThrow(invalid(message));
  });
});

describe('toSearchSettings', () => {
  it('answers the owner, the synonym lists and an empty time for the defaults', () => {
    expect(toSearchSettings(7, { ...DEFAULTS, synonyms: { car: ['auto'] } }, null)).toEqual({
      ownerId: 7,
      synonyms: { car: { words: ['auto'] } },
      stopWords: [],
      typoTolerance: DEFAULTS.typoTolerance,
      fieldWeights: DEFAULTS.fieldWeights,
      updatedAt: '',
    });
  });
});
