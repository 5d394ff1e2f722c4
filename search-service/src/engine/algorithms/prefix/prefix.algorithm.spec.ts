import { CORPUS, OWNER } from '../../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../../index';

describe('prefix algorithm', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (text: string) =>
    sut.search({ ownerId: OWNER, text, algorithm: 'prefix' }).hits.map((hit) => hit.videoId);

  it('completes the last word as the user types', () => {
    expect(ids('philo')).toEqual([4]);
    expect(ids('guitar less')[0]).toBe(1);
  });

  it('matches every word the prefix begins', () => {
    expect(ids('photo').sort()).toEqual([3, 7]);
  });

  it('treats a word followed by a space as complete', () => {
    expect(ids('philo ')).toEqual([]);
  });

  it('completes only the last word', () => {
    const [hit] = sut.search({ ownerId: OWNER, text: 'philo mind', algorithm: 'prefix' }).hits;
    expect(hit.matchedText).toBe('Philosophy of <mark>mind</mark>');
  });
});
