import { CORPUS, OWNER } from '../../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../../index';

describe('fuzzy algorithm', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const search = (text: string) => sut.search({ ownerId: OWNER, text, algorithm: 'fuzzy' }).hits;

  it.each([
    ['gutiar', 'transposition'],
    ['guittar', 'insertion'],
    ['gitar', 'deletion'],
    ['guiter', 'substitution'],
  ])('finds "guitar" through %s (%s)', (text) => {
    expect(search(text)[0]?.videoId).toBe(1);
  });

  it('ranks an exact match above a typo match', () => {
    const hits = search('running');
    expect(hits[0].videoId).toBe(6);
  });

  it('returns nothing for a word two edits away from everything', () => {
    expect(search('gxtxar')).toEqual([]);
  });

  it('marks the corrected word in the snippet', () => {
    expect(search('marathin')[0].matchedText).toBe('<mark>Marathon</mark> training plan');
  });
});
