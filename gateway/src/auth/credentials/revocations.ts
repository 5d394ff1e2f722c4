import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RedisClient, RedisConnections } from '../../quotas/redis/redis-connections';
import { CredentialCache } from './credential-cache';

/**
 * Makes a revocation take effect at once on every gateway: the revoking gateway evicts the key from
 * its own cache and, with REDIS_URL, publishes the key id to the others, which evict it too. While
 * a gateway's subscription is down it could miss a revocation, so cached API keys are not trusted
 * (`live` is false) and, once it is back, every cached API key is dropped. What holds a key beyond a
 * request (a Socket.IO session) hears each revocation through `onRevoked`.
 */
@Injectable()
export class Revocations implements OnApplicationBootstrap {
  private readonly logger = new Logger(Revocations.name);
  private publisher: RedisClient | null = null;
  private subscribed = false;
  private readonly listeners = new Set<(apiKeyId: string) => void>();
  private readonly resyncListeners = new Set<() => void>();

  constructor(
    private readonly cache: CredentialCache,
    private readonly redis: RedisConnections,
  ) {}

  private get channel(): string {
    return `${this.redis.keyPrefix}api-key-revoked`;
  }

  /** Whether this gateway hears every revocation, so its cached API keys may be used. */
  get live(): boolean {
    return !this.redis.enabled || this.subscribed;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.enabled) {
      return;
    }
    this.publisher = await this.redis.connect('API key revocations (publish)');
    const subscriber = await this.redis.connect('API key revocations (subscribe)');
    const lost = (): void => {
      this.subscribed = false;
    };
    subscriber.on('end', lost);
    subscriber.on('error', lost);
    subscriber.on('reconnecting', lost);
    // node-redis subscribes again by itself after a reconnect, before it is ready.
    subscriber.on('ready', () => {
      if (!this.subscribed) {
        this.cache.evictAllApiKeys();
        this.subscribed = true;
        this.resyncListeners.forEach((listener) => listener());
      }
    });
    await subscriber.subscribe(this.channel, (apiKeyId: string) => this.forget(apiKeyId));
    this.subscribed = true;
  }

  /** Calls `listener` with the id of every key revoked on any gateway, for as long as this gateway runs. */
  onRevoked(listener: (apiKeyId: string) => void): void {
    this.listeners.add(listener);
  }

  /** Calls `listener` each time the feed comes back after a gap, in which any key may have been revoked unheard. */
  onResync(listener: () => void): void {
    this.resyncListeners.add(listener);
  }

  async revoked(apiKeyId: string): Promise<void> {
    this.forget(apiKeyId);
    if (!this.publisher) {
      return;
    }
    try {
      await this.publisher.publish(this.channel, apiKeyId);
    } catch (error) {
      // The other gateways' entries still expire within CREDENTIAL_CACHE_TTL_MS.
      this.logger.warn(`Could not announce the revocation of ${apiKeyId}: ${String(error)}`);
    }
  }

  private forget(apiKeyId: string): void {
    this.cache.evictApiKey(apiKeyId);
    this.listeners.forEach((listener) => listener(apiKeyId));
  }
}
