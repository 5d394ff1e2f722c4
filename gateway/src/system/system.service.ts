import { OutboxRepository } from '@gateway/outbox/outbox.repository';
import { describeError } from '@gateway/search/describe-error';
import { SearchGrpcClient } from '@gateway/search/grpc/search-grpc.client';
import { SearchResiliencePolicy } from '@gateway/search/resilience/search-resilience.policy';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CircuitBreakerDto, DependencyStatusDto, IndexStatusDto, SystemStatusDto } from './system.dto';

const DATABASE_TIMEOUT_MS = 2000;

/** The platform's state as the dashboard shows it: dependencies, the breaker, the caller's index. */
@Injectable()
export class SystemService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: SearchGrpcClient,
    private readonly policy: SearchResiliencePolicy,
    private readonly outbox: OutboxRepository,
  ) {}

  circuitBreaker(): CircuitBreakerDto {
    return this.policy.snapshot();
  }

  async status(ownerId: number): Promise<SystemStatusDto> {
    const [database, searchService, index, pending] = await Promise.all([
      timed(() => withTimeout(this.dataSource.query('SELECT 1'), DATABASE_TIMEOUT_MS)),
      timed(async () => {
        if (!(await this.client.isServing())) {
          throw new Error('Search service is not serving');
        }
      }),
      this.client.getIndexStats(ownerId).catch(() => null),
      this.outbox.countPending().catch(() => null),
    ]);
    const indexStatus: IndexStatusDto | null = index
      ? {
          documents: index.documents,
          vocabulary_size: index.vocabularySize,
          last_updated_at: index.lastUpdatedAt || null,
          pending_changes: pending,
        }
      : null;
    return {
      status: database.status === 'down' ? 'down' : searchService.status === 'down' ? 'degraded' : 'operational',
      services: { database, search_service: searchService },
      circuit_breaker: this.policy.snapshot(),
      index: indexStatus,
      checked_at: new Date().toISOString(),
    };
  }
}

async function timed(check: () => Promise<unknown>): Promise<DependencyStatusDto> {
  const started = performance.now();
  try {
    await check();
    return { status: 'up', latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latency_ms: Math.round(performance.now() - started), error: describeError(error) };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
