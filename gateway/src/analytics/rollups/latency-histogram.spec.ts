import {
  addToHistogram,
  BUCKET_COUNT,
  BUCKET_UPPER_BOUNDS_MS,
  bucketIndex,
  emptyHistogram,
  mergeHistograms,
  percentileFromHistogram,
} from './latency-histogram';

function exactPercentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Deterministic log-normal sample (Box-Muller over a fixed LCG) so the test never flakes. */
function logNormalSample(count: number, medianMs: number, sigma: number): number[] {
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed + 1) / (2 ** 31 + 1);
  };
  return Array.from({ length: count }, () => {
    const normal = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
    return medianMs * Math.exp(sigma * normal);
  });
}

describe('latency histogram', () => {
  describe('bucketIndex', () => {
    it('puts a value equal to a bound in that bound’s bucket and just above it in the next', () => {
      for (let i = 0; i < BUCKET_COUNT - 1; i += 1) {
        expect(bucketIndex(BUCKET_UPPER_BOUNDS_MS[i])).toBe(i);
        expect(bucketIndex(BUCKET_UPPER_BOUNDS_MS[i] * 1.0001)).toBe(i + 1);
      }
    });

    it('sends zero to the first bucket and huge latencies to the overflow bucket', () => {
      expect(bucketIndex(0)).toBe(0);
      expect(bucketIndex(10_000_000)).toBe(BUCKET_COUNT - 1);
    });

    it('uses strictly increasing, log-spaced bounds', () => {
      for (let i = 1; i < BUCKET_COUNT - 1; i += 1) {
        expect(BUCKET_UPPER_BOUNDS_MS[i] / BUCKET_UPPER_BOUNDS_MS[i - 1]).toBeCloseTo(Math.SQRT2, 3);
      }
    });
  });

  describe('percentileFromHistogram', () => {
    const distributions: [string, number[]][] = [
      ['uniform 1..1000 ms', Array.from({ length: 1000 }, (_, i) => i + 1)],
      ['log-normal, median 40 ms', logNormalSample(20_000, 40, 0.8)],
      ['bimodal 2 ms / 300 ms', [...Array<number>(900).fill(2), ...Array<number>(100).fill(300)]],
    ];

    it.each(distributions)('estimates p50/p95/p99 of a %s within the true value’s bucket', (_name, sample) => {
      const histogram = emptyHistogram();
      sample.forEach((latency) => addToHistogram(histogram, latency));
      const sorted = [...sample].sort((a, b) => a - b);
      for (const q of [0.5, 0.95, 0.99]) {
        const truth = exactPercentile(sorted, q);
        const estimate = percentileFromHistogram(histogram, q);
        expect(estimate).not.toBeNull();
        expect(bucketIndex(estimate as number)).toBe(bucketIndex(truth));
        expect(Math.abs(Math.log((estimate as number) / truth))).toBeLessThanOrEqual(Math.log(Math.SQRT2) + 1e-9);
      }
    });

    it('answers the uniform median within 5%', () => {
      const histogram = emptyHistogram();
      for (let ms = 1; ms <= 1000; ms += 1) {
        addToHistogram(histogram, ms);
      }
      expect(percentileFromHistogram(histogram, 0.5)).toBeGreaterThan(475);
      expect(percentileFromHistogram(histogram, 0.5)).toBeLessThan(525);
    });

    it('returns null for an empty histogram', () => {
      expect(percentileFromHistogram(emptyHistogram(), 0.5)).toBeNull();
    });

    it('gives the same answer for merged partial histograms as for one histogram of all values', () => {
      const sample = logNormalSample(5000, 10, 1);
      const whole = emptyHistogram();
      const left = emptyHistogram();
      const right = emptyHistogram();
      sample.forEach((latency, i) => {
        addToHistogram(whole, latency);
        addToHistogram(i % 2 === 0 ? left : right, latency);
      });
      mergeHistograms(left, right);
      expect(left).toEqual(whole);
      expect(percentileFromHistogram(left, 0.99)).toBe(percentileFromHistogram(whole, 0.99));
    });
  });
});
