import { CORPUS, OWNER, video } from '../../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../../index';

describe('text algorithm', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (text: string) => sut.search({ ownerId: OWNER, text, algorithm: 'text' }).hits.map((hit) => hit.videoId);

  it('ranks an exact title match first', () => {
    expect(ids('guitar lessons')[0]).toBe(1);
  });

  it('ranks a title match above a description-only match', () => {
    expect(ids('guitar')).toEqual([1, 2]);
  });

  it('matches inflections through stemming and ignores stop words', () => {
    expect(ids('the lesson of guitars')[0]).toBe(1);
  });

  it('does not tolerate typos or complete prefixes', () => {
    expect(ids('gutiar')).toEqual([]);
    expect(ids('phil')).toEqual([]);
  });

  it('prefers documents matching every query word', () => {
    sut.upsert([video(20, 'Sunrise', 'Sunrise over the sea', [], 60), video(21, 'Sea', 'Waves and sea', [], 60)]);
    expect(ids('alpine sunrise photo')[0]).toBe(3);
  });
});
