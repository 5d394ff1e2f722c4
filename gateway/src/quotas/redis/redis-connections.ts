import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';
import { redisConfig, RedisConfig } from './redis.config';

function newClient(url: string) {
  return createClient({
    url,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

/**
 * Opens the gateway's Redis connections (rate-limit counters, Socket.IO adapter pub/sub) and
 * closes them all on shutdown. Connections retry with backoff; errors are logged, not thrown.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly clients: RedisClient[] = [];

  constructor(@Inject(redisConfig.KEY) private readonly config: RedisConfig) {}

  get enabled(): boolean {
    return this.config.url !== null;
  }

  get keyPrefix(): string {
    return this.config.keyPrefix;
  }

  async connect(purpose: string): Promise<RedisClient> {
    if (!this.config.url) {
      throw new Error('REDIS_URL is not set');
    }
    const client = newClient(this.config.url);
    client.on('error', (error: Error) => this.logger.warn(`Redis (${purpose}): ${error.message}`));
    this.clients.push(client);
    await client.connect();
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.clients.map(async (client) => {
        if (client.isOpen) {
          await client.close();
        }
      }),
    );
    this.clients.length = 0;
  }
}
