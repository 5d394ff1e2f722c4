import { BadRequestException, Injectable } from '@nestjs/common';
import { AlgorithmInfo } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from './grpc/search-grpc.client';

/** The service's algorithms change only with a deployment; a minute of staleness is harmless. */
const CACHE_TTL_MS = 60_000;

/**
 * The search service's algorithm list, cached so that validating a request costs no extra call. An
 * expired list keeps serving while a single refresh runs in the background: no request waits for it,
 * and a burst of requests at expiry does not turn into a burst of calls competing for the bulkhead.
 */
@Injectable()
export class AlgorithmCatalog {
  private cached: { algorithms: AlgorithmInfo[]; fetchedAt: number } | null = null;
  private fetching: Promise<AlgorithmInfo[]> | null = null;

  constructor(private readonly client: SearchGrpcClient) {}

  async list(): Promise<AlgorithmInfo[]> {
    if (!this.cached) {
      return this.fetch();
    }
    if (Date.now() - this.cached.fetchedAt >= CACHE_TTL_MS) {
      // A failed refresh keeps the old list; the next request past expiry tries again.
      this.fetch().catch(() => undefined);
    }
    return this.cached.algorithms;
  }

  /**
   * 400 naming the valid choices for an unknown algorithm. When the list cannot be fetched, the
   * name is left for the search service to judge rather than failing a search it could run.
   */
  async assertKnown(name: string): Promise<void> {
    const algorithms = await this.list().catch(() => null);
    if (algorithms && !algorithms.some((algorithm) => algorithm.name === name)) {
      const names = algorithms.map((algorithm) => algorithm.name).join(', ');
      throw new BadRequestException(`Unknown algorithm "${name}"; valid algorithms: ${names}`);
    }
  }

  private fetch(): Promise<AlgorithmInfo[]> {
    this.fetching ??= this.client
      .listAlgorithms()
      .then(({ algorithms }) => {
        this.cached = { algorithms, fetchedAt: Date.now() };
        return algorithms;
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  }
}
