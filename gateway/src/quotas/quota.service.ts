import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { ApiKeysRepository } from '../auth/api-keys/api-keys.repository';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { QuotaStatusDto } from './dto/quota.dto';
import { QuotaLimits, QuotaSubject, QuotaThresholdCrossing } from './quota-subject';
import { QuotaWindow, secondsUntilReset, windowFor, WindowKind } from './quota-windows';
import { quotasConfig, QuotasConfig } from './quotas.config';
import { RedisConnections } from './redis/redis-connections';
import { COUNTER_STORE, CounterStore } from './store/counter-store';

// While the store is down every request would warn; once per interval says it as clearly.
const STORE_WARNING_EVERY_MS = 10_000;

/** What the rate-limit headers of one response say. */
export interface RateLimitHeaders {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export interface QuotaDecision {
  allowed: boolean;
  headers: RateLimitHeaders;
  /** The window that refused the request, if any. */
  exceeded: WindowKind | null;
}

interface CountedWindow {
  window: QuotaWindow;
  limit: number;
  key: string;
}

/** Rate limits and quotas: fixed UTC windows per API key, per user for JWT calls, per IP for public routes. */
@Injectable()
export class QuotaService {
  private readonly logger = new Logger(QuotaService.name);
  private lastStoreWarningAt = -Infinity;
  private readonly keyLimits = new Map<string, { limits: QuotaLimits; expiresAt: number }>();
  private readonly crossings = new Subject<QuotaThresholdCrossing>();
  /** Daily and monthly quotas reaching 80 % and 100 % (the webhooks publish them as quota.warning). */
  readonly thresholdCrossings$: Observable<QuotaThresholdCrossing> = this.crossings.asObservable();

  constructor(
    @Inject(COUNTER_STORE) private readonly store: CounterStore,
    @Inject(quotasConfig.KEY) private readonly config: QuotasConfig,
    private readonly apiKeys: ApiKeysRepository,
    private readonly redis: RedisConnections,
  ) {}

  async subjectFor(user: AuthenticatedUser): Promise<QuotaSubject> {
    if (user.apiKeyId === null) {
      return this.subjectForUser(user.id);
    }
    return {
      scope: 'api_key',
      id: user.apiKeyId,
      limits: await this.limitsOfKey(user.apiKeyId, user.id),
      ownerId: user.id,
    };
  }

  /** A user's JWT calls, counted apart from their keys'. */
  subjectForUser(userId: number): QuotaSubject {
    return { scope: 'user', id: String(userId), limits: this.config.defaults, ownerId: userId };
  }

  /** One of the caller's keys, or null when it is not theirs. */
  async subjectForKey(userId: number, apiKeyId: string): Promise<QuotaSubject | null> {
    const apiKey = await this.apiKeys.findOwned(apiKeyId, userId);
    if (!apiKey) {
      return null;
    }
    return { scope: 'api_key', id: apiKey.id, limits: this.withDefaults(apiKey) };
  }

  subjectForIp(ip: string): QuotaSubject {
    return { scope: 'ip', id: ip, limits: { perMinute: this.config.publicPerMinute, daily: null, monthly: null } };
  }

  async consume(subject: QuotaSubject, now: Date = new Date()): Promise<QuotaDecision> {
    const windows = this.windowsOf(subject, now);
    let counts: number[];
    try {
      counts = await this.store.increment(
        windows.map(({ key, limit, window }) => ({ key, limit, expiresAt: window.resetsAt })),
      );
    } catch (error) {
      // An unreachable counter store must not take the API down with it: admit, and say so in the log.
      if (Date.now() - this.lastStoreWarningAt >= STORE_WARNING_EVERY_MS) {
        this.lastStoreWarningAt = Date.now();
        this.logger.warn(`Rate-limit counters unavailable, admitting requests: ${describe(error)}`);
      }
      counts = [0];
    }
    this.reportCrossings(subject, windows, counts);
    const exceededAt = counts.findIndex((count, i) => count > windows[i].limit);
    if (exceededAt >= 0) {
      const { window, limit } = windows[exceededAt];
      return {
        allowed: false,
        exceeded: window.kind,
        headers: { limit, remaining: 0, resetSeconds: secondsUntilReset(window, now) },
      };
    }
    const minute = windows[0];
    return {
      allowed: true,
      exceeded: null,
      headers: {
        limit: minute.limit,
        remaining: Math.max(0, minute.limit - counts[0]),
        resetSeconds: secondsUntilReset(minute.window, now),
      },
    };
  }

  async status(subject: QuotaSubject, now: Date = new Date()): Promise<QuotaStatusDto> {
    const windows = this.windowsOf(subject, now);
    const counts = await this.store.read(windows.map((w) => w.key));
    const usage = (kind: WindowKind): { limit: number; used: number; remaining: number; reset_at: string } => {
      const i = windows.findIndex((w) => w.window.kind === kind);
      const window = i >= 0 ? windows[i] : null;
      const limit = window?.limit ?? 0;
      const used = Math.min(counts[i] ?? 0, limit);
      return {
        limit,
        used,
        remaining: Math.max(0, limit - used),
        reset_at: (window?.window ?? windowFor(kind, now)).resetsAt.toISOString(),
      };
    };
    const minute = usage('minute');
    return {
      scope: subject.scope === 'api_key' ? 'api_key' : 'user',
      storage: this.redis.enabled ? 'redis' : 'memory',
      rate_limit: { limit: minute.limit, remaining: minute.remaining, reset_at: minute.reset_at },
      daily: usage('day'),
      monthly: usage('month'),
    };
  }

  /** Counters are atomic, so exactly one request per store sees the count that reaches a threshold. */
  private reportCrossings(subject: QuotaSubject, windows: CountedWindow[], counts: number[]): void {
    const ownerId = subject.ownerId;
    if (ownerId === undefined) {
      return;
    }
    windows.forEach(({ window, limit }, i) => {
      if (window.kind === 'minute') {
        return;
      }
      for (const threshold of [80, 100] as const) {
        if (counts[i] === Math.ceil((limit * threshold) / 100)) {
          this.crossings.next({
            ownerId,
            subject: { scope: subject.scope, id: subject.id },
            window: { kind: window.kind, id: window.id },
            used: counts[i],
            limit,
            threshold,
          });
        }
      }
    });
  }

  private windowsOf(subject: QuotaSubject, now: Date): CountedWindow[] {
    const counted: [WindowKind, number | null][] = [
      ['minute', subject.limits.perMinute],
      ['day', subject.limits.daily],
      ['month', subject.limits.monthly],
    ];
    return counted
      .filter((entry): entry is [WindowKind, number] => entry[1] !== null)
      .map(([kind, limit]) => {
        const window = windowFor(kind, now);
        return {
          window,
          limit,
          key: `${this.redis.keyPrefix}quota:${subject.scope}:${subject.id}:${kind}:${window.id}`,
        };
      });
  }

  private async limitsOfKey(apiKeyId: string, userId: number): Promise<QuotaLimits> {
    const cached = this.keyLimits.get(apiKeyId);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.limits;
    }
    const apiKey = await this.apiKeys.findOwned(apiKeyId, userId);
    const limits = apiKey ? this.withDefaults(apiKey) : this.config.defaults;
    this.keyLimits.set(apiKeyId, { limits, expiresAt: Date.now() + this.config.keyLimitsCacheMs });
    return limits;
  }

  private withDefaults(apiKey: {
    rateLimitPerMinute: number | null;
    dailyQuota: number | null;
    monthlyQuota: number | null;
  }): QuotaLimits {
    return {
      perMinute: apiKey.rateLimitPerMinute ?? this.config.defaults.perMinute,
      daily: apiKey.dailyQuota ?? this.config.defaults.daily,
      monthly: apiKey.monthlyQuota ?? this.config.defaults.monthly,
    };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
