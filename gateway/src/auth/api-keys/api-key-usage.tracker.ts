import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { authConfig, AuthConfig } from '../auth.config';
import { ApiKeysRepository } from './api-keys.repository';

/**
 * Records when each API key was last used without a database write per request: uses are
 * coalesced in memory (latest wins) and written in one transaction every few seconds and on shutdown.
 */
@Injectable()
export class ApiKeyUsageTracker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyUsageTracker.name);
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly apiKeys: ApiKeysRepository,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.apiKeyLastUsedFlushMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.flush();
  }

  recordUse(apiKeyId: string, at: Date = new Date()): void {
    this.pending.set(apiKeyId, at);
  }

  /** The latest use not yet written, so readers see it before the next flush. */
  pendingUse(apiKeyId: string): Date | null {
    return this.pending.get(apiKeyId) ?? null;
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) {
      return;
    }
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.apiKeys.touchLastUsed(batch);
    } catch (error) {
      this.logger.warn(`Could not record API key usage, retrying on the next flush: ${String(error)}`);
      for (const [id, usedAt] of batch) {
        if (!this.pending.has(id)) {
          this.pending.set(id, usedAt);
        }
      }
    }
  }
}
