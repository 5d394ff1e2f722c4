import { OWNER, video } from '../__fixtures__/corpus';
import { createSearchEngine } from '../index';

describe('proximity reranking', () => {
  it('ranks query words found together, in order, above the same words scattered', () => {
    const sut = createSearchEngine();
    sut.upsert([
      video(1, 'Harbour', 'Boats rest here while the old lighthouse keeper paints the distant wall', [], 60),
      video(2, 'Coast', 'The lighthouse keeper rows boats across the bay to paint a wall', [], 60),
    ]);
    const ids = sut
      .search({ ownerId: OWNER, text: 'lighthouse keeper boats', algorithm: 'text' })
      .hits.map((hit) => hit.videoId);
    expect(ids).toEqual([2, 1]);
  });

  it('prefers words found as typed over other forms of the same stem', () => {
    const sut = createSearchEngine();
    sut.upsert([
      video(1, 'Notes', 'He runs along the river', [], 60),
      video(2, 'Notes', 'He running along the river', [], 60),
    ]);
    const ids = sut.search({ ownerId: OWNER, text: 'running', algorithm: 'text' }).hits.map((hit) => hit.videoId);
    expect(ids).toEqual([2, 1]);
  });

  it('keeps scores in 0..1 and descending after re-scoring', () => {
    const sut = createSearchEngine();
    sut.upsert(
      Array.from({ length: 60 }, (_, i) => video(i + 1, `Clip ${i}`, `river ${'stone '.repeat(i % 7)}bridge`, [], 60)),
    );
    const hits = sut.search({ ownerId: OWNER, text: 'river bridge', limit: 50 }).hits;
    expect(hits).toHaveLength(50);
    hits.forEach((hit, i) => {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      expect(i === 0 || hit.score <= hits[i - 1].score).toBe(true);
    });
  });
});
