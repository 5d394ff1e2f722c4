import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApiKeyDto } from '../auth/api-keys/api-key.dto';
import { ApiKeysService } from '../auth/api-keys/api-keys.service';
import { TransactionRunner } from '../database/transaction-runner';
import { DateRange, daysIn, parseDateRange } from './date-range';
import {
  AnalyticsQueryDto,
  ApiKeyComparisonDto,
  ApiKeyUsageDto,
  DailyUsageDto,
  EndpointUsageListDto,
  TodayUsageDto,
  TotalsDto,
  UsageDto,
} from './dto/analytics.dto';
import { histogramToBuckets, percentileFromHistogram } from './rollups/latency-histogram';
import { DAY_MS, dayKey, floorToDay, segmentsFor } from './rollups/rollup-buckets';
import {
  averageMs,
  combine,
  endpointSummary,
  endpointUsage,
  latencyOf,
  percent,
  statusCodes,
  total,
} from './usage-report';
import { UsageFilter, UsageRepository } from './usage.repository';

/** Usage analytics of one caller, computed from the rollups. */
@Injectable()
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly transactions: TransactionRunner,
  ) {}

  async summary(userId: number, query: AnalyticsQueryDto): Promise<UsageDto> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    return this.summarise(await this.filterFor(userId, query.api_key_id), range);
  }

  async daily(userId: number, query: AnalyticsQueryDto): Promise<{ days: DailyUsageDto[] }> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    return { days: await this.dailyRows(await this.filterFor(userId, query.api_key_id), range) };
  }

  async endpoints(userId: number, query: AnalyticsQueryDto): Promise<EndpointUsageListDto> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    const filter = await this.filterFor(userId, query.api_key_id);
    const aggregates = await this.usage.aggregate(filter, segmentsFor(range.start, range.end), ['endpoint']);
    return { endpoints: endpointUsage(aggregates) };
  }

  async apiKeySummary(userId: number, apiKeyId: string, query: AnalyticsQueryDto): Promise<ApiKeyUsageDto> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    const apiKey = await this.apiKeys.get(userId, apiKeyId);
    const usage = await this.summarise({ userId, apiKeyId }, range);
    return { ...usage, api_key: keyInfo(apiKey) };
  }

  async apiKeyDaily(userId: number, apiKeyId: string, query: AnalyticsQueryDto): Promise<{ days: DailyUsageDto[] }> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    await this.apiKeys.get(userId, apiKeyId);
    return { days: await this.dailyRows({ userId, apiKeyId }, range) };
  }

  async compareApiKeys(userId: number, query: AnalyticsQueryDto): Promise<ApiKeyComparisonDto> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    const [{ api_keys: keys }, aggregates] = await Promise.all([
      this.apiKeys.list(userId),
      this.usage.aggregate({ userId }, segmentsFor(range.start, range.end), ['apiKey']),
    ]);
    const byKey = combine(aggregates, (a) => a.apiKeyId ?? '');
    const keyRequests = keys.reduce((sum, key) => sum + (byKey.get(key.id)?.requests ?? 0), 0);
    const rows = keys.map((key) => {
      const usage = byKey.get(key.id);
      const requests = usage?.requests ?? 0;
      const errors = usage?.errors ?? 0;
      return {
        id: key.id,
        name: key.name,
        is_active: key.is_active,
        last_used_at: key.last_used_at,
        requests,
        errors,
        error_rate: percent(errors, requests),
        share: percent(requests, keyRequests),
      };
    });
    const ranked = [...rows].sort((a, b) => b.requests - a.requests);
    return {
      api_keys: rows,
      most_used_id: ranked.length > 0 ? ranked[0].id : null,
      least_used_id: ranked.length > 0 ? ranked[ranked.length - 1].id : null,
    };
  }

  /** Today's figures (UTC) for the live `analytics_update` event. */
  async today(userId: number): Promise<TodayUsageDto> {
    const now = new Date();
    const today = floorToDay(now);
    const tomorrow = new Date(today.getTime() + DAY_MS);
    const sum = total(
      await this.usage.aggregate({ userId }, [{ granularity: 'day', from: dayKey(today), to: dayKey(tomorrow) }], []),
    );
    return {
      user_id: userId,
      date: dayKey(today),
      requests_today: sum.requests,
      errors_today: sum.errors,
      error_rate_today: percent(sum.errors, sum.requests),
      avg_latency_ms_today: averageMs(sum.latencySumMs, sum.requests),
      occurred_at: now.toISOString(),
    };
  }

  /** Requests per day in the range; exported as `usage` reports too. */
  async dailyRows(filter: UsageFilter, range: DateRange): Promise<DailyUsageDto[]> {
    const aggregates = await this.usage.aggregate(filter, segmentsFor(range.start, range.end), ['day']);
    const byDay = combine(aggregates, (a) => a.day ?? '');
    return daysIn(range).map((date) => {
      const day = byDay.get(date);
      return {
        date,
        requests: day?.requests ?? 0,
        errors: day?.errors ?? 0,
        error_rate: percent(day?.errors ?? 0, day?.requests ?? 0),
        avg_latency_ms: day ? averageMs(day.latencySumMs, day.requests) : null,
        p90_latency_ms: day ? percentileFromHistogram(day.histogram, 0.9) : null,
        p95_latency_ms: day ? percentileFromHistogram(day.histogram, 0.95) : null,
      };
    });
  }

  /** The usage filter for an optional `api_key_id`, which must be one of the caller's keys. */
  async filterFor(userId: number, apiKeyId: string | undefined): Promise<UsageFilter> {
    if (apiKeyId === undefined) {
      return { userId };
    }
    await this.apiKeys.get(userId, apiKeyId);
    return { userId, apiKeyId };
  }

  /** The range's figures and the today/week/month totals come from one snapshot, so they agree. */
  private async summarise(filter: UsageFilter, range: DateRange): Promise<UsageDto> {
    const [aggregates, totals] = await this.transactions.snapshot((manager) =>
      Promise.all([
        this.usage.aggregate(filter, segmentsFor(range.start, range.end), ['endpoint', 'status'], manager),
        this.totals(filter, new Date(), manager),
      ]),
    );
    const sum = total(aggregates);
    return {
      period: { start_date: range.startLabel, end_date: range.endLabel },
      totals: { ...totals, in_range: sum.requests },
      success_count: sum.requests - sum.errors,
      error_count: sum.errors,
      success_rate: sum.requests === 0 ? 0 : percent(sum.requests - sum.errors, sum.requests),
      error_rate: percent(sum.errors, sum.requests),
      status_codes: statusCodes(aggregates),
      latency_ms: latencyOf(sum.latencySumMs, sum.requests, sum.histogram),
      latency_histogram: histogramToBuckets(sum.histogram),
      endpoints: endpointSummary(aggregates),
    };
  }

  /** Today, this ISO week (from Monday) and this month, in UTC, from one pass over the daily rollups. */
  private async totals(filter: UsageFilter, now: Date, manager: EntityManager): Promise<Omit<TotalsDto, 'in_range'>> {
    const today = floorToDay(now);
    const weekStart = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS);
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const from = weekStart < monthStart ? weekStart : monthStart;
    const tomorrow = new Date(today.getTime() + DAY_MS);
    const aggregates = await this.usage.aggregate(
      filter,
      [{ granularity: 'day', from: dayKey(from), to: dayKey(tomorrow) }],
      ['day'],
      manager,
    );
    const since = (start: Date): number =>
      aggregates.filter((a) => (a.day ?? '') >= dayKey(start)).reduce((sum, a) => sum + a.requests, 0);
    return { today: since(today), this_week: since(weekStart), this_month: since(monthStart) };
  }
}

function keyInfo(apiKey: ApiKeyDto): ApiKeyUsageDto['api_key'] {
  return {
    id: apiKey.id,
    name: apiKey.name,
    is_active: apiKey.is_active,
    created_at: apiKey.created_at,
    last_used_at: apiKey.last_used_at,
  };
}
