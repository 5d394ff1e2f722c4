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

  publish(event: JobEvent): void {
    const payload: RelayedEvent = { origin: this.origin, event };
    this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(payload)]).catch((error: unknown) => {
      this.logger.warn(
        `Could not relay job event ${event.jobId}: ${error instanceof Error ? error.message : String(error)}`,
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
