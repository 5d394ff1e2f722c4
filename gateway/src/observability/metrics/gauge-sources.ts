import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, IsNull } from 'typeorm';
import { OutboxEvent } from '../../outbox/outbox-event.entity';
import { SearchResiliencePolicy } from '../../search/resilience/search-resilience.policy';
import { GatewayMetrics } from './gateway-metrics';

/**
 * Points the scrape-time gauges at the breaker and the outbox. The policy is looked up rather than
 * injected: the search client module itself depends on the metrics, so a direct import would be circular.
 */
@Injectable()
export class GaugeSources implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: GatewayMetrics,
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const policy = this.moduleRef.get(SearchResiliencePolicy, { strict: false });
    this.metrics.useSources({
      breaker: () => {
        const snapshot = policy.snapshot();
        return { state: snapshot.state, active: snapshot.bulkhead.active, queued: snapshot.bulkhead.queued };
      },
      outbox: () => this.readOutbox(),
    });
  }

  private async readOutbox(): Promise<{ pending: number; oldestPendingAgeSeconds: number } | null> {
    if (!this.dataSource.isInitialized) {
      return null;
    }
    const events = this.dataSource.getRepository(OutboxEvent);
    const pending = { deliveredAt: IsNull() };
    const [count, oldest] = await Promise.all([
      events.count({ where: pending }),
      events.findOne({ where: pending, order: { id: 'ASC' }, select: { id: true, createdAt: true } }),
    ]);
    const ageSeconds = oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
    return { pending: count, oldestPendingAgeSeconds: ageSeconds };
  }
}
