/**
 * Fixed, log-spaced latency buckets shared by the request log, the rollups and the queries.
 * Bucket i counts latencies in (LE[i-1], LE[i]]; the last bucket is unbounded. Bounds grow by
 * a factor of sqrt(2) from 0.1 ms, so an interpolated percentile is off by at most ~41%
 * of its value in the worst case and far less on smooth distributions.
 */
export const BUCKET_COUNT = 40;
const FIRST_BOUND_MS = 0.1;
const GROWTH = Math.SQRT2;

/** Upper bounds in milliseconds; the last bucket's bound is Infinity. */
export const BUCKET_UPPER_BOUNDS_MS: readonly number[] = Array.from({ length: BUCKET_COUNT }, (_, i) =>
  i === BUCKET_COUNT - 1 ? Infinity : roundBound(FIRST_BOUND_MS * GROWTH ** i),
);

/** Column names of the bucket counters in the rollup tables: h00 .. h39. */
export const BUCKET_COLUMNS: readonly string[] = Array.from(
  { length: BUCKET_COUNT },
  (_, i) => `h${String(i).padStart(2, '0')}`,
);

export type Histogram = number[];

export function emptyHistogram(): Histogram {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

export function bucketIndex(latencyMs: number): number {
  let low = 0;
  let high = BUCKET_COUNT - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (latencyMs <= BUCKET_UPPER_BOUNDS_MS[mid]) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}

export function addToHistogram(histogram: Histogram, latencyMs: number): void {
  histogram[bucketIndex(latencyMs)] += 1;
}

export function mergeHistograms(target: Histogram, source: readonly number[]): void {
  for (let i = 0; i < BUCKET_COUNT; i += 1) {
    target[i] += source[i] ?? 0;
  }
}

/**
 * The q-quantile (0 < q <= 1) estimated from bucket counts, interpolating geometrically inside
 * the bucket that holds the rank (latencies are roughly log-normal). The unbounded last bucket
 * answers its lower bound. Null when the histogram is empty.
 */
export function percentileFromHistogram(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return null;
  }
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < BUCKET_COUNT; i += 1) {
    const count = histogram[i];
    if (count === 0) {
      continue;
    }
    if (seen + count >= rank) {
      const lower = i === 0 ? 0 : BUCKET_UPPER_BOUNDS_MS[i - 1];
      const upper = BUCKET_UPPER_BOUNDS_MS[i];
      if (upper === Infinity) {
        return lower;
      }
      const fraction = Math.max(0, Math.min(1, (rank - seen) / count));
      const value = i === 0 ? upper * fraction : lower * (upper / lower) ** fraction;
      return roundMs(value);
    }
    seen += count;
  }
  return BUCKET_UPPER_BOUNDS_MS[BUCKET_COUNT - 2];
}

/** The histogram as the API shows it: finite bounds, the overflow bucket with `le_ms: null`. */
export function histogramToBuckets(histogram: readonly number[]): { le_ms: number | null; count: number }[] {
  return BUCKET_UPPER_BOUNDS_MS.map((bound, i) => ({
    le_ms: bound === Infinity ? null : bound,
    count: histogram[i] ?? 0,
  }));
}

export function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundBound(value: number): number {
  return Number(value.toPrecision(6));
}
