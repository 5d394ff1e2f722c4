import { meanScores, PIN_DEPTH, scorePin, verdictOf } from './pin-scorer';

describe('pin scoring', () => {
  it('scores a set by its best-placed expected video and the share found', () => {
    const score = scorePin({ expectedVideoIds: [7, 9], mode: 'set' }, [3, 9, 4]);
    expect(score).toEqual({ reciprocalRank: 0.5, recall: 0.5, positions: [0, 2], inOrder: true });
  });

  it('scores an ordered pin by its first video and checks the order of those found', () => {
    expect(scorePin({ expectedVideoIds: [1, 2], mode: 'ordered' }, [2, 1])).toEqual({
      reciprocalRank: 0.5,
      recall: 1,
      positions: [2, 1],
      inOrder: false,
    });
    expect(scorePin({ expectedVideoIds: [1, 2], mode: 'ordered' }, [1, 5, 2]).inOrder).toBe(true);
  });

  it(`reads only the first ${PIN_DEPTH} results`, () => {
    const ranked = Array.from({ length: PIN_DEPTH + 5 }, (_, index) => index + 1);
    expect(scorePin({ expectedVideoIds: [PIN_DEPTH + 1], mode: 'set' }, ranked).recall).toBe(0);
  });

  it('calls a change worse when rank, recall or order drops, better when one rises and none drops', () => {
    const top = { reciprocalRank: 1, recall: 1, positions: [1], inOrder: true };
    expect(verdictOf(top, { ...top, reciprocalRank: 0.5 })).toBe('worse');
    expect(verdictOf(top, { ...top, inOrder: false })).toBe('worse');
    expect(verdictOf({ ...top, recall: 0.5 }, top)).toBe('better');
    expect(verdictOf(top, { ...top, positions: [1] })).toBe('same');
    expect(verdictOf({ ...top, recall: 0.5 }, { ...top, reciprocalRank: 0.5 })).toBe('worse');
  });

  it('averages reciprocal rank and recall, 0 without pins', () => {
    const half = { reciprocalRank: 0.5, recall: 0.5, positions: [], inOrder: true };
    expect(meanScores([half, { ...half, reciprocalRank: 1, recall: 1 }])).toEqual({ mrr: 0.75, recall: 0.75 });
    expect(meanScores([])).toEqual({ mrr: 0, recall: 0 });
  });
});
