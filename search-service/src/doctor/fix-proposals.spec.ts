import { DEFAULT_ENGINE_SETTINGS } from '@search/engine';
import type { EngineQueryInspection, EngineWordInspection } from '@search/engine/search-engine';
import { findCauses, proposeFixes } from './fix-proposals';

function word(text: string, change: Partial<EngineWordInspection> = {}): EngineWordInspection {
  return { word: text, stopWord: null, documents: 0, nearest: null, typoReachesNearest: false, ...change };
}

const library = (...words: EngineWordInspection[]): EngineQueryInspection => ({ documents: 10, words });

describe('no-result causes', () => {
  it('blames an empty library before anything else', () => {
    expect(findCauses({ documents: 0, words: [word('car')] }, 0).map(({ code }) => code)).toEqual(['empty_library']);
  });

  it('tells absent words from typos beyond the tolerance', () => {
    const causes = findCauses(
      library(word('automobile'), word('gxitxr', { nearest: { word: 'guitar', distance: 2, documents: 3 } })),
      0,
    );
    expect(causes).toEqual([
      expect.objectContaining({ code: 'typo_beyond_tolerance', words: ['gxitxr'] }),
      expect.objectContaining({ code: 'words_absent', words: ['automobile'] }),
    ]);
  });

  it('blames the filters when the query matches without them', () => {
    expect(findCauses(library(word('car', { documents: 4 })), 4)).toEqual([
      expect.objectContaining({ code: 'filters_exclude_all', message: expect.stringContaining('4 videos') }),
    ]);
  });

  it('reports a query made only of stop words, and the owner’s stop words the library holds', () => {
    expect(findCauses(library(word('the', { stopWord: 'built_in' })), 0).map(({ code }) => code)).toEqual([
      'all_stop_words',
    ]);
    const ignored = findCauses(library(word('intro', { stopWord: 'owner', documents: 2 }), word('zzz')), 0);
    expect(ignored.map(({ code }) => code)).toEqual(['stop_words_ignored', 'words_absent']);
  });
});

describe('proposed fixes', () => {
  const settings = { ...DEFAULT_ENGINE_SETTINGS, synonyms: { sofa: ['couch'] }, stopWords: ['intro', 'part'] };

  it('maps an absent word to what was searched next, keeping the existing synonyms', () => {
    const [fix] = proposeFixes(library(word('automobile')), settings, [
      { query: 'red car', words: ['red', 'car'], times: 2 },
    ]);
    expect(fix).toMatchObject({ kind: 'synonym', id: 'synonym:automobile=red+car' });
    expect(fix.settings.synonyms).toEqual({ sofa: ['couch'], automobile: ['red', 'car'] });
    expect(fix.description).toContain('2 time(s)');
  });

  it('offers the closest word as a synonym and a typo setting that reaches it', () => {
    const fixes = proposeFixes(
      library(word('gxitxr', { nearest: { word: 'guitar', distance: 2, documents: 3 } })),
      settings,
      [],
    );
    expect(fixes.map(({ id }) => id)).toEqual(['synonym:gxitxr=guitar', 'typo_tolerance:4-6']);
    expect(fixes[1].settings.typoTolerance).toEqual({ enabled: true, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 6 });
  });

  it('turns typo tolerance back on when it is off', () => {
    const off = { ...settings, typoTolerance: { ...settings.typoTolerance, enabled: false } };
    const [, typo] = proposeFixes(
      library(word('gitar', { nearest: { word: 'guitar', distance: 1, documents: 3 } })),
      off,
      [],
    );
    expect(typo.settings.typoTolerance.enabled).toBe(true);
    expect(typo.description).toMatch(/^Turn typo tolerance on/);
  });

  it('drops the owner’s stop words that the library holds', () => {
    const [fix] = proposeFixes(library(word('intro', { stopWord: 'owner', documents: 2 }), word('zzz')), settings, []);
    expect(fix).toMatchObject({ kind: 'stop_word', id: 'stop_word:intro' });
    expect(fix.settings.stopWords).toEqual(['part']);
  });

  it('proposes nothing for an empty library or an identical change twice', () => {
    expect(proposeFixes({ documents: 0, words: [word('car')] }, settings, [])).toEqual([]);
    const twice = proposeFixes(library(word('automobile')), settings, [
      { query: 'car', words: ['car'], times: 2 },
      { query: 'cars', words: ['car'], times: 1 },
    ]);
    expect(twice.map(({ id }) => id)).toEqual(['synonym:automobile=car']);
  });
});
