/** Reciprocal rank of `target` within the first `k` ids, 0 when absent. */
export function reciprocalRank(ids: readonly number[], target: number, k = 10): number {
  const rank = ids.slice(0, k).indexOf(target);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) {
    return 0;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? 0 : samples.reduce((sum, value) => sum + value, 0) / samples.length;
}
