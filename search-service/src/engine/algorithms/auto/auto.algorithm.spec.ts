import { CORPUS, OWNER, video } from '../../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../../index';

describe('auto algorithm (default)', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (text: string) => sut.search({ ownerId: OWNER, text }).hits.map((hit) => hit.videoId);

  it('is the default and ranks an exact title match first', () => {
    expect(sut.algorithms().find((algorithm) => algorithm.isDefault)?.name).toBe('auto');
    expect(ids('marathon training')[0]).toBe(6);
  });

  it('tolerates a typo in every long word', () => {
    expect(ids('marahton trainnig')[0]).toBe(6);
  });

  it('completes the word being typed', () => {
    expect(ids('italian coo')[0]).toBe(2);
  });

  it('ranks an exact match above a typo match of another word', () => {
    sut.upsert([
      video(30, 'Photos of the lake', 'Lake photos', [], 60),
      video(31, 'Photon physics', 'Light particles', [], 60),
    ]);
    const hits = ids('photon');
    expect(hits[0]).toBe(31);
    expect(hits).toContain(30);
  });

  it('ranks a typo match above unrelated documents', () => {
    const hits = ids('consciusness');
    expect(hits).toEqual([4]);
  });

  it('falls back to sound-alikes when nothing else matches', () => {
    expect(ids('filosofy')).toEqual([4]);
  });
});
