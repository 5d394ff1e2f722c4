import type { RequestLogEntry } from '@gateway/analytics/request-log/request-log-entry';

/** One month of a heavy user's traffic, generated deterministically. */

const ROUTES: [method: string, route: string, weight: number][] = [
  ['POST', '/api/v1/users/:userId/search', 30],
  ['GET', '/api/v1/users/:userId/search/:jobId', 20],
  ['GET', '/api/v1/users/:userId/videos', 14],
  ['GET', '/api/v1/users/:userId/videos/:videoId', 8],
  ['POST', '/api/v1/users/:userId/videos', 5],
  ['PUT', '/api/v1/users/:userId/videos/:videoId', 3],
  ['DELETE', '/api/v1/users/:userId/videos/:videoId', 1],
  ['GET', '/api/v1/search/jobs', 5],
  ['GET', '/api/v1/search/jobs/:jobId/details', 3],
  ['POST', '/api/v1/search/jobs/:jobId/retry', 1],
  ['POST', '/api/v1/search/jobs/:jobId/cancel', 1],
  ['GET', '/api/v1/search/algorithms', 1],
  ['GET', '/api/v1/analytics/usage', 2],
  ['GET', '/api/v1/analytics/usage/daily', 2],
  ['GET', '/api/v1/analytics/usage/endpoints', 1],
  ['GET', '/api/v1/analytics/quota', 1],
  ['GET', '/api/v1/auth/api-keys', 1],
  ['GET', '/api/v1/auth/me', 1],
];

const STATUSES: [status: number, weight: number][] = [
  [200, 880],
  [201, 40],
  [202, 20],
  [400, 20],
  [401, 5],
  [403, 3],
  [404, 15],
  [429, 10],
  [500, 2],
  [503, 5],
];

export interface SeedPlan {
  userId: number;
  /** Credentials the traffic is spread over; null is a JWT call. */
  apiKeyIds: (string | null)[];
  requests: number;
  /** Traffic runs evenly from `start` to `end`. */
  start: Date;
  end: Date;
}

/** Yields the month's requests in time order, in batches, as a gateway would flush them. */
export function* seedBatches(plan: SeedPlan, batchSize: number): Generator<RequestLogEntry[]> {
  const random = lcg(7);
  const pickRoute = weighted(
    ROUTES.map(([method, route, weight]) => [{ method, route }, weight] as const),
    random,
  );
  const pickStatus = weighted(STATUSES, random);
  const keyWeights = [50, 30, 15, 5];
  const pickKey = weighted(
    plan.apiKeyIds.map((id, i) => [id, keyWeights[i] ?? 1] as const),
    random,
  );
  const start = plan.start.getTime();
  const step = (plan.end.getTime() - start) / plan.requests;
  let batch: RequestLogEntry[] = [];
  for (let i = 0; i < plan.requests; i += 1) {
    const { method, route } = pickRoute();
    const status = pickStatus();
    batch.push({
      occurredAt: new Date(start + i * step),
      userId: plan.userId,
      apiKeyId: pickKey(),
      method,
      route,
      status,
      latencyMs: logNormal(random, status >= 500 ? 400 : 25, 0.9),
      requestId: `seed-${i}`,
      upstreamMs: null,
    });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield batch;
  }
}

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state + 1) / (2 ** 31 + 1);
  };
}

function weighted<T>(options: readonly (readonly [T, number])[], random: () => number): () => T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = random() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll <= 0) {
        return value;
      }
    }
    return options[options.length - 1][0];
  };
}

function logNormal(random: () => number, medianMs: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
  return Math.round(medianMs * Math.exp(sigma * normal) * 1000) / 1000;
}
