import {
  parseWordList,
  rowsToSynonyms,
  SettingsFormValue,
  settingsProblems,
  synonymRows,
  toSettingsInput,
} from './settings-form';

const VALID: SettingsFormValue = {
  rows: [],
  stopWords: [],
  typoEnabled: true,
  oneTypo: 5,
  twoTypos: 9,
  titleWeight: 3,
  descriptionWeight: 1,
  tagsWeight: 2,
};

describe('settings form', () => {
  it('parses comma lists, dropping blanks and repeats', () => {
    expect(parseWordList(' automobile, auto ,, Auto,  sports   car ')).toEqual(['automobile', 'auto', 'sports car']);
    expect(parseWordList('')).toEqual([]);
  });

  it('round-trips synonyms through rows', () => {
    const synonyms = { car: ['automobile', 'auto'], noodles: ['pasta'] };
    expect(rowsToSynonyms(synonymRows(synonyms))).toEqual({ synonyms, errors: new Map() });
  });

  it('skips blank rows and reports half-filled and repeated ones by row', () => {
    const { synonyms, errors } = rowsToSynonyms([
      { word: '', equivalents: '' },
      { word: 'Car', equivalents: 'auto, car' },
      { word: 'bike', equivalents: ' , ' },
      { word: '', equivalents: 'pasta' },
      { word: 'car', equivalents: 'vehicle' },
    ]);
    expect(synonyms).toEqual({ car: ['auto'] });
    expect([...errors.keys()]).toEqual([2, 3, 4]);
    expect(errors.get(4)).toContain('row 2');
  });

  it('checks typo sizes and weights like the API', () => {
    expect(settingsProblems(VALID)).toEqual([]);
    expect(settingsProblems({ ...VALID, oneTypo: 6, twoTypos: 5 })).toHaveLength(1);
    expect(settingsProblems({ ...VALID, oneTypo: 0 })).toHaveLength(1);
    expect(settingsProblems({ ...VALID, titleWeight: 0, descriptionWeight: 0, tagsWeight: 0 })).toEqual([
      'At least one field weight must be above 0.',
    ]);
    expect(settingsProblems({ ...VALID, tagsWeight: 11 })).toHaveLength(1);
  });

  it('builds the PUT body', () => {
    expect(toSettingsInput({ ...VALID, stopWords: ['the'], typoEnabled: false }, { car: ['auto'] })).toEqual({
      synonyms: { car: ['auto'] },
      stop_words: ['the'],
      typo_tolerance: { enabled: false, min_word_size_one_typo: 5, min_word_size_two_typos: 9 },
      field_weights: { title: 3, description: 1, tags: 2 },
    });
  });
});
