import { mean, percentile, reciprocalRank } from './metrics';

describe('benchmark metrics', () => {
  it('reciprocal rank counts only the first ten results', () => {
    expect(reciprocalRank([5, 7, 9], 5)).toBe(1);
    expect(reciprocalRank([5, 7, 9], 9)).toBeCloseTo(1 / 3);
    expect(reciprocalRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 11)).toBe(0);
    expect(reciprocalRank([], 1)).toBe(0);
  });

  it('percentile uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([], 50)).toBe(0);
  });

  it('mean of nothing is zero', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 2, 3])).toBe(2);
  });
});
