import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Observable, Subject } from 'rxjs';
import { Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { QuotaService } from '../quotas/quota.service';
import { WebhookEventPublisher } from '../webhooks/webhook-event.publisher';
import { AlertEvent } from './alert-event.entity';
import { AlertFiguresReader } from './alert-figures.reader';
import { alertMessage, forecastQuota, isFiring, metricValue, QuotaForecast } from './alert-metrics';
import { AlertRule } from './alert-rule.entity';
import {
  AlertEventDto,
  AlertEventListDto,
  AlertRuleDto,
  AlertRuleListDto,
  CreateAlertRuleDto,
  DEFAULT_WINDOW_MINUTES,
} from './dto/alert.dto';

export const MAX_RULES_PER_USER = 50;
const DEFAULT_EVENTS = 50;
const PERCENT_METRICS = new Set(['error_rate', 'quota_use']);

function toRuleDto(rule: AlertRule, forecast?: QuotaForecast | null): AlertRuleDto {
  return {
    id: rule.id,
    metric: rule.metric,
    threshold: rule.threshold,
    api_key_id: rule.apiKeyId,
    window_minutes: rule.windowMinutes,
    state: rule.state,
    value: rule.lastValue === null ? null : Math.round(rule.lastValue * 100) / 100,
    evaluated_at: rule.lastEvaluatedAt?.toISOString() ?? null,
    ...(rule.metric === 'quota_use'
      ? {
          forecast: forecast
            ? {
                window: forecast.window,
                requests_per_minute: forecast.requestsPerMinute,
                runs_out_at: forecast.runsOutAt?.toISOString() ?? null,
              }
            : null,
        }
      : {}),
    created_at: rule.createdAt.toISOString(),
  };
}

export function toEventDto(event: AlertEvent): AlertEventDto {
  return {
    id: event.id,
    rule_id: event.ruleId,
    metric: event.metric,
    api_key_id: event.apiKeyId,
    state: event.state,
    value: event.value === null ? null : Math.round(event.value * 100) / 100,
    threshold: event.threshold,
    message: event.message,
    occurred_at: event.occurredAt.toISOString(),
  };
}

/**
 * Alert rules per API key on error rate, p95 latency and quota use. Every gateway evaluates every rule; a state
 * change is claimed with a conditional update, so exactly one gateway records it, tells the dashboard and queues the
 * webhook (`alert.fired`, `alert.resolved`).
 */
@Injectable()
export class AlertsService {
  private readonly changes = new Subject<AlertEvent>();
  /** Each recorded state change, for the dashboard's live sockets. */
  readonly changes$: Observable<AlertEvent> = this.changes.asObservable();

  constructor(
    @InjectRepository(AlertRule) private readonly rules: Repository<AlertRule>,
    @InjectRepository(AlertEvent) private readonly events: Repository<AlertEvent>,
    private readonly figures: AlertFiguresReader,
    private readonly quotas: QuotaService,
    private readonly webhooks: WebhookEventPublisher,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(userId: number, dto: CreateAlertRuleDto): Promise<AlertRuleDto> {
    if (PERCENT_METRICS.has(dto.metric) && dto.threshold > 100) {
      throw new BadRequestException(`threshold of ${dto.metric} is a percentage: 0 to 100`);
    }
    if (dto.api_key_id !== undefined && !(await this.quotas.subjectForKey(userId, dto.api_key_id))) {
      throw new NotFoundException('API key not found');
    }
    if ((await this.rules.countBy({ userId })) >= MAX_RULES_PER_USER) {
      throw new ConflictException(`A user can have at most ${MAX_RULES_PER_USER} alert rules`);
    }
    const rule = this.rules.create({
      id: randomUUID(),
      userId,
      apiKeyId: dto.api_key_id ?? null,
      metric: dto.metric,
      threshold: dto.threshold,
      windowMinutes: dto.window_minutes ?? DEFAULT_WINDOW_MINUTES,
      state: 'ok',
      lastValue: null,
      lastEvaluatedAt: null,
      createdAt: new Date(),
    });
    await this.rules.insert(rule);
    const forecast = await this.evaluate(rule);
    return toRuleDto(rule, forecast);
  }

  async list(userId: number): Promise<AlertRuleListDto> {
    const rules = await this.rules.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const now = new Date();
    const listed = await Promise.all(
      rules.map(async (rule) =>
        toRuleDto(
          rule,
          rule.metric === 'quota_use'
            ? forecastQuota(await this.figures.read(rule, now), rule.windowMinutes, now)
            : undefined,
        ),
      ),
    );
    return { rules: listed };
  }

  async remove(userId: number, id: string): Promise<void> {
    const result = await this.rules.delete({ id, userId });
    if (!result.affected) {
      throw new NotFoundException('Alert rule not found');
    }
  }

  async history(userId: number, limit = DEFAULT_EVENTS): Promise<AlertEventListDto> {
    const events = await this.events.find({ where: { userId }, order: { id: 'DESC' }, take: limit });
    return { events: events.map(toEventDto) };
  }

  /** Every rule once, oldest first; a rule that fails to evaluate is left for the next round. */
  async evaluateAll(): Promise<number> {
    const rules = await this.rules.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    for (const rule of rules) {
      await this.evaluate(rule);
    }
    return rules.length;
  }

  /** Measures the rule now, records a state change once (whichever gateway claims it), returns the quota forecast. */
  private async evaluate(rule: AlertRule): Promise<QuotaForecast | null> {
    const now = new Date();
    const figures = await this.figures.read(rule, now);
    const value = metricValue(rule.metric, figures);
    const state = isFiring(value, rule.threshold) ? 'firing' : 'ok';
    const claimed = await this.transactions.run(async (manager) => {
      const update = await manager.update(
        AlertRule,
        { id: rule.id, state: rule.state },
        { state, lastValue: value, lastEvaluatedAt: now },
      );
      if (!update.affected || state === rule.state) {
        return null;
      }
      const event = manager.create(AlertEvent, {
        ruleId: rule.id,
        userId: rule.userId,
        apiKeyId: rule.apiKeyId,
        metric: rule.metric,
        state: state === 'firing' ? 'firing' : 'resolved',
        value,
        threshold: rule.threshold,
        message: alertMessage(rule.metric, value, rule.threshold, state === 'firing'),
        occurredAt: now,
      });
      await manager.insert(AlertEvent, event);
      await this.webhooks.publish(manager, {
        ownerId: rule.userId,
        type: state === 'firing' ? 'alert.fired' : 'alert.resolved',
        data: { ...toEventDto(event) },
        dedupeKey: `alert:${rule.id}:${event.id}`,
      });
      return event;
    });
    Object.assign(rule, { state, lastValue: value, lastEvaluatedAt: now });
    if (claimed) {
      this.changes.next(claimed);
    }
    return rule.metric === 'quota_use' ? forecastQuota(figures, rule.windowMinutes, now) : null;
  }
}
