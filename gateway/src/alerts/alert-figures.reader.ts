import { Injectable } from '@nestjs/common';
import { percentileFromHistogram } from '../analytics/rollups/latency-histogram';
import { segmentsFor } from '../analytics/rollups/rollup-buckets';
import { UsageRepository } from '../analytics/usage.repository';
import { QuotaService } from '../quotas/quota.service';
import type { WindowFigures } from './alert-metrics';
import type { AlertRule } from './alert-rule.entity';

const MINUTE_MS = 60_000;

/** The traffic of a rule's key over its window, from the usage rollups, and the key's quota now. */
@Injectable()
export class AlertFiguresReader {
  constructor(
    private readonly usage: UsageRepository,
    private readonly quotas: QuotaService,
  ) {}

  async read(rule: AlertRule, now: Date): Promise<WindowFigures> {
    const start = new Date(now.getTime() - rule.windowMinutes * MINUTE_MS);
    const filter = { userId: rule.userId, apiKeyId: rule.apiKeyId ?? undefined };
    const [aggregates, quota] = await Promise.all([
      this.usage.aggregate(filter, segmentsFor(start, now), []),
      rule.metric === 'quota_use' ? this.quotaOf(rule, now) : Promise.resolve([]),
    ]);
    const [window] = aggregates;
    return {
      requests: window?.requests ?? 0,
      errors: window?.errors ?? 0,
      p95LatencyMs: window ? percentileFromHistogram(window.histogram, 0.95) : null,
      quota,
    };
  }

  private async quotaOf(rule: AlertRule, now: Date): Promise<WindowFigures['quota']> {
    const subject =
      rule.apiKeyId === null
        ? this.quotas.subjectForUser(rule.userId)
        : await this.quotas.subjectForKey(rule.userId, rule.apiKeyId);
    if (!subject) {
      return [];
    }
    const status = await this.quotas.status(subject, now);
    return (['daily', 'monthly'] as const).map((window) => ({
      window,
      limit: status[window].limit,
      used: status[window].used,
      resetsAt: new Date(status[window].reset_at),
    }));
  }
}
