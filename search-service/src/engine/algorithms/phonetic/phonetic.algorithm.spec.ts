import { CORPUS, OWNER } from '../../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../../index';

describe('phonetic algorithm', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (text: string) =>
    sut.search({ ownerId: OWNER, text, algorithm: 'phonetic' }).hits.map((hit) => hit.videoId);

  it('finds words that sound alike', () => {
    expect(ids('filosofy')).toEqual([4]);
    expect(ids('fone')).toEqual([5]);
    expect(ids('nite')).toEqual([8]);
  });

  it('ranks an exact spelling above a sound-alike', () => {
    const hits = sut.search({ ownerId: OWNER, text: 'phone', algorithm: 'phonetic' }).hits;
    expect(hits[0].videoId).toBe(5);
  });

  it('does not match words that sound different', () => {
    expect(ids('violin')).toEqual([]);
  });
});
