import { Logger } from '@nestjs/common';
import type { JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const CHANNEL = 'search_job_events';

interface Notification {
  channel: string;
  payload?: string;
}

interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: Notification) => void): void;
  removeAllListeners(event: 'notification'): void;
}

interface RelayedEvent {
  origin: string;
  event: JobEvent;
}

/**
 * Carries job events between replicas that share one PostgreSQL database (LISTEN/NOTIFY), so a watcher on any
 * replica sees every job, whichever replica ran it. Events from this process are skipped on the way back: they
 * were already delivered locally.
 */
export class PostgresEventRelay {
  private readonly logger = new Logger(PostgresEventRelay.name);
  private client: ListeningClient | null = null;
  private release: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly origin: string,
  ) {}

  async start(deliver: (event: JobEvent) => void): Promise<void> {
    const connection = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListeningClient,
      () => void,
    ];
    [this.client, this.release] = connection;
    this.client.on('notification', (message) => {
      if (message.channel !== CHANNEL || message.payload === undefined) {
        return;
      }
      const relayed = JSON.parse(message.payload) as RelayedEvent;
      if (relayed.origin !== this.origin) {
        deliver(relayed.event);
      }
    });
    await this.client.query(`LISTEN ${CHANNEL}`);
  }

  /** One statement for every event, each in its own notification (a payload may not exceed 8000 bytes). */
  publish(events: readonly JobEvent[]): void {
    const payloads = events.map((event) => JSON.stringify({ origin: this.origin, event } satisfies RelayedEvent));
    this.dataSource
      .query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [CHANNEL, payloads])
      .catch((error: unknown) => {
        this.logger.warn(
          `Could not relay ${events.length} job event(s): ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) {
      return;
    }
    client.removeAllListeners('notification');
    try {
      await client.query(`UNLISTEN ${CHANNEL}`);
    } finally {
      this.release?.();
    }
  }
}
