import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface Notification {
  channel: string;
  payload?: string;
}

interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: Notification) => void): void;
  removeAllListeners(event: 'notification'): void;
}

/** PostgreSQL caps a NOTIFY payload at 8000 bytes. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7900;

/**
 * One LISTEN/NOTIFY channel of a shared PostgreSQL database, on a connection of its own taken from the pool (held
 * until `stop`, which must run before the database closes). Notifications are fire-and-forget: one sent while a
 * listener is disconnected is lost, so users keep a polling fallback.
 */
export class PostgresChannel {
  private readonly logger = new Logger(PostgresChannel.name);
  private client: ListeningClient | null = null;
  private release: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) {
      throw new Error(`Bad channel name ${channel}`);
    }
  }

  async listen(deliver: (payload: string) => void): Promise<void> {
    const connection = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListeningClient,
      () => void,
    ];
    [this.client, this.release] = connection;
    this.client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload !== undefined) {
        try {
          deliver(message.payload);
        } catch (error) {
          this.logger.warn(`Bad notification on ${this.channel}: ${String(error)}`);
        }
      }
    });
    await this.client.query(`LISTEN ${this.channel}`);
  }

  /** Sent once the statement commits (it runs on its own, outside any transaction). */
  async notify(payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) {
      return;
    }
    client.removeAllListeners('notification');
    try {
      await client.query(`UNLISTEN ${this.channel}`);
    } finally {
      this.release?.();
    }
  }
}
