import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { RequestLogService } from '../analytics/request-log/request-log.service';
import { UsageService } from '../analytics/usage.service';
import { RedisClient, RedisConnections } from '../quotas/redis/redis-connections';
import { realtimeConfig, RealtimeConfig } from './realtime.config';
import { analyticsRoom } from './realtime.events';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Tells a user's sockets that fresh usage figures exist once their requests are flushed, at most
 * once per ANALYTICS_UPDATE_INTERVAL_MS. With Redis, the interval is claimed in Redis so that
 * several gateways together still send one update per interval, through the shared rooms.
 */
@Injectable()
export class AnalyticsUpdatesPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsUpdatesPublisher.name);
  private readonly lastSentAt = new Map<number, number>();
  private readonly pending = new Map<number, NodeJS.Timeout>();
  private subscription: Subscription | null = null;
  private redisClient: Promise<RedisClient> | null = null;

  constructor(
    private readonly requestLog: RequestLogService,
    private readonly usage: UsageService,
    private readonly gateway: RealtimeGateway,
    private readonly redis: RedisConnections,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.requestLog.flushed$.subscribe((users) => users.forEach((userId) => this.schedule(userId)));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.pending.forEach((timer) => clearTimeout(timer));
    this.pending.clear();
  }

  private schedule(userId: number): void {
    if (this.pending.has(userId)) {
      return;
    }
    const interval = this.config.analyticsUpdateIntervalMs;
    const wait = Math.max(0, (this.lastSentAt.get(userId) ?? -Infinity) + interval - Date.now());
    const timer = setTimeout(() => {
      this.pending.delete(userId);
      void this.publish(userId);
    }, wait);
    timer.unref();
    this.pending.set(userId, timer);
  }

  private async publish(userId: number): Promise<void> {
    try {
      if (!(await this.claimInterval(userId))) {
        this.lastSentAt.set(userId, Date.now());
        this.schedule(userId);
        return;
      }
      this.lastSentAt.set(userId, Date.now());
      const today = await this.usage.today(userId);
      this.gateway.server.to(analyticsRoom(userId)).emit('analytics_update', today);
    } catch (error) {
      this.logger.warn(
        `analytics_update for user ${userId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** True when this gateway may send the user's update for the current interval. */
  private async claimInterval(userId: number): Promise<boolean> {
    if (!this.redis.enabled) {
      return true;
    }
    this.redisClient ??= this.redis.connect('analytics updates');
    const client = await this.redisClient;
    const claimed = await client.set(`${this.redis.keyPrefix}analytics-update:${userId}`, '1', {
      condition: 'NX',
      expiration: { type: 'PX', value: this.config.analyticsUpdateIntervalMs },
    });
    return claimed === 'OK';
  }
}
