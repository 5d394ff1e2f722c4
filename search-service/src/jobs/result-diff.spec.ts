import { diffResults } from './result-diff';
import type { StoredResult } from './search-job.entity';

function result(videoId: number, relevanceScore: number): StoredResult {
  return { videoId, title: `Video ${videoId}`, relevanceScore, matchedText: '', matchedFields: ['title'] };
}

describe('diffResults', () => {
  it('marks each hit moved, new, lost or unchanged, the new order first and the lost after', () => {
    const before = [result(1, 0.9), result(2, 0.8), result(3, 0.7)];
    const after = [result(2, 0.95), result(1, 0.9), result(4, 0.6)];

    const diff = diffResults(before, after, 0);

    expect(diff.changes.map((change) => [change.videoId, change.change])).toEqual([
      [2, 'moved'],
      [1, 'moved'],
      [4, 'new'],
      [3, 'lost'],
    ]);
    expect(diff).toMatchObject({ moved: 2, added: 1, lost: 1, unchanged: 0 });
    expect(diff.changes[0]).toEqual({
      videoId: 2,
      title: 'Video 2',
      change: 'moved',
      beforePosition: 2,
      afterPosition: 1,
      beforeScore: 0.8,
      afterScore: 0.95,
    });
    expect(diff.changes[3]).toMatchObject({ beforePosition: 3, afterPosition: 0, afterScore: 0 });
    expect(diff.changes[2]).toMatchObject({ beforePosition: 0, afterPosition: 3, beforeScore: 0 });
  });

  it('counts positions over the whole list, offset included', () => {
    const diff = diffResults([result(5, 0.5)], [result(5, 0.4)], 20);

    expect(diff.changes).toEqual([
      expect.objectContaining({ change: 'unchanged', beforePosition: 21, afterPosition: 21 }),
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('answers every hit new for a job that had no results (a failed one)', () => {
    const diff = diffResults([], [result(1, 1)], 0);

    expect(diff).toMatchObject({ added: 1, moved: 0, lost: 0, unchanged: 0 });
  });
});
