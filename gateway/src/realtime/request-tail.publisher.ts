import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { toLoggedRequest } from '../analytics/request-explorer/request-explorer.service';
import type { RequestLogEntry } from '../analytics/request-log/request-log-entry';
import { RequestLogService } from '../analytics/request-log/request-log.service';
import { requestsRoom } from './realtime.events';
import { RealtimeGateway } from './realtime.gateway';

/** A tail is for watching, not for export: beyond this many requests per user per flush, the rest are counted. */
export const MAX_TAILED_PER_FLUSH = 50;

/**
 * The request explorer's live tail: each written batch of the request log goes to the rooms of the users it holds,
 * newest last, at most MAX_TAILED_PER_FLUSH per user with the number left out. Each gateway tails its own requests;
 * with Redis the rooms are shared, so a dashboard sees every gateway's.
 */
@Injectable()
export class RequestTailPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    private readonly requestLog: RequestLogService,
    private readonly gateway: RealtimeGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.requestLog.written$.subscribe((batch) => this.publish(batch));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private publish(batch: readonly RequestLogEntry[]): void {
    const byUser = new Map<number, RequestLogEntry[]>();
    for (const entry of batch) {
      if (entry.userId !== null) {
        const entries = byUser.get(entry.userId) ?? [];
        entries.push(entry);
        byUser.set(entry.userId, entries);
      }
    }
    for (const [userId, entries] of byUser) {
      const shown = entries.slice(-MAX_TAILED_PER_FLUSH);
      this.gateway.server.to(requestsRoom(userId)).emit('request_log', {
        requests: shown.map((entry) => toLoggedRequest({ ...entry, occurredAt: entry.occurredAt.toISOString() })),
        dropped: entries.length - shown.length,
      });
    }
  }
}
