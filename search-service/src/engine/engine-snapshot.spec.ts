import { CORPUS, OTHER_OWNER, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, EngineQuery, InvalidSnapshotError, SearchEngine } from './index';

describe('engine snapshot', () => {
  const queries: EngineQuery[] = [
    { ownerId: OWNER, text: 'guitar lessons' },
    { ownerId: OWNER, text: 'gutiar', algorithm: 'fuzzy' },
    { ownerId: OWNER, text: 'philo', algorithm: 'prefix' },
    { ownerId: OWNER, text: 'fone', algorithm: 'phonetic' },
    { ownerId: OWNER, text: 'explained', tags: ['education'], minDuration: 400 },
    { ownerId: OTHER_OWNER, text: 'zeppelin' },
  ];
  let source: SearchEngine;

  beforeEach(() => {
    source = createSearchEngine();
    source.upsert([...CORPUS, video(100, 'Zeppelin history', 'Airships', ['history'], 60, OTHER_OWNER)]);
    source.remove(OWNER, [8]);
  });

  it('restores an engine that answers every algorithm and filter exactly as the original', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    for (const query of queries) {
      expect(sut.search(query)).toEqual(source.search(query));
    }
    expect(sut.stats()).toEqual(source.stats());
  });

  it('keeps accepting changes after a restore', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    sut.upsert([video(1, 'Banjo basics', 'Five strings', [], 60), video(9, 'Guitar repair', 'Frets', [], 60)]);
    sut.remove(OWNER, [2]);
    expect(sut.search({ ownerId: OWNER, text: 'guitar' }).map((hit) => hit.videoId)).toEqual([9]);
    expect(sut.search({ ownerId: OWNER, text: 'banjo' }).map((hit) => hit.videoId)).toEqual([1]);
    expect(sut.search({ ownerId: OWNER, text: 'gitar', algorithm: 'fuzzy' }).map((hit) => hit.videoId)).toEqual([9]);
  });

  it('rejects bytes that are not a snapshot', () => {
    const sut = createSearchEngine();
    expect(() => sut.restore(Buffer.from('not a snapshot'))).toThrow(InvalidSnapshotError);
  });
});
