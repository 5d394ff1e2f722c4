import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { indexingConfig, type IndexingConfig } from '@search/config/indexing.config';
import { MAX_NOTIFY_PAYLOAD_BYTES, PostgresChannel } from '@search/database/postgres-channel';
import type { EngineSettings } from '@search/engine/search-engine';
import { randomUUID } from 'node:crypto';
import { SearchSettingsEntity } from './search-settings.entity';
import { SearchSettingsRepository } from './search-settings.repository';

export const SETTINGS_CHANNEL = 'search_settings_changed';
/** How long an update waits for its own notification to come back (see `announce`). */
const ECHO_WAIT_MS = 1000;

export interface CachedSettings {
  settings: EngineSettings;
  version: number;
  updatedAt: string;
}

/** What travels on the channel: the row itself when it fits in a notification, else only its key and version. */
export interface SettingsNotification {
  origin: string;
  ownerId: number;
  version: number;
  updatedAt: string;
  settings?: EngineSettings;
}

/**
 * Every owner's saved settings, in memory: a search reads them from here, never from the database. The whole table
 * is loaded before the service serves (it holds one row per owner who saved settings).
 *
 * Keeping replicas that share a PostgreSQL database in step:
 * - an update NOTIFYs the other replicas, with the new settings in the payload when they fit (they apply them as
 *   the notification arrives, with no read) or else the owner and version (they re-read that one row);
 * - the updating replica answers only once its own notification has come back through its LISTEN connection, so
 *   the others have been sent it by then and apply it in the same moment; a search reaching another replica after
 *   the update answered sees the new settings, but for the few milliseconds a notification is in flight;
 * - as a fallback for a lost notification (a dropped LISTEN connection), every INDEX_SYNC_INTERVAL_MS each replica
 *   reads the rows stamped within the last INDEX_SYNC_OVERLAP_MS (plus the interval), one indexed query.
 * Rows carry a version raised by every update: an entry is replaced only by a newer version, so the order in which
 * notifications, polls and re-reads arrive does not matter.
 * On SQLite the process is the only writer, so there is nothing to follow.
 */
@Injectable()
export class SearchSettingsCache implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchSettingsCache.name);
  private readonly entries = new Map<number, CachedSettings>();
  private readonly origin = randomUUID();
  private readonly channel: PostgresChannel | null;
  private readonly echoes = new Map<string, () => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    @Inject(indexingConfig.KEY) private readonly config: IndexingConfig,
    private readonly repository: SearchSettingsRepository,
  ) {
    this.channel = repository.isShared ? new PostgresChannel(repository.dataSource, SETTINGS_CHANNEL) : null;
  }

  /** LISTEN first, then load: a change committed in between arrives as a notification. */
  async onModuleInit(): Promise<void> {
    await this.channel?.listen((payload) => this.onNotification(JSON.parse(payload) as SettingsNotification));
    for (const row of await this.repository.findAll()) {
      this.apply(row);
    }
  }

  onApplicationBootstrap(): void {
    if (!this.channel) {
      return;
    }
    this.timer = setInterval(() => {
      this.polling ??= this.poll()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.logger.warn(`Reading changed search settings failed: ${String(error)}`);
        })
        .finally(() => {
          this.polling = null;
        });
    }, this.config.syncIntervalMs);
  }

  /** Before the database closes: the LISTEN connection goes back to the pool. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.polling;
    await this.channel?.stop();
  }

  /** The owner's settings for the next search; undefined while the owner uses the defaults. */
  forOwner(ownerId: number): EngineSettings | undefined {
    return this.entries.get(ownerId)?.settings;
  }

  entry(ownerId: number): CachedSettings | undefined {
    return this.entries.get(ownerId);
  }

  /** Keeps the row unless a newer version is held already; true when it replaced the entry. */
  apply(row: Pick<SearchSettingsEntity, 'ownerId' | 'settings' | 'version' | 'updatedAt'>): boolean {
    const held = this.entries.get(row.ownerId);
    if (held && held.version >= row.version) {
      return false;
    }
    this.entries.set(row.ownerId, { settings: row.settings, version: row.version, updatedAt: row.updatedAt });
    return true;
  }

  /** After a local update: tells the other replicas and waits (bounded) until they have been sent the change. */
  async announce(row: SearchSettingsEntity): Promise<void> {
    if (!this.channel) {
      return;
    }
    const notification: SettingsNotification = {
      origin: this.origin,
      ownerId: row.ownerId,
      version: row.version,
      updatedAt: row.updatedAt,
      settings: row.settings,
    };
    let payload = JSON.stringify(notification);
    if (Buffer.byteLength(payload) > MAX_NOTIFY_PAYLOAD_BYTES) {
      payload = JSON.stringify({ ...notification, settings: undefined });
    }
    const key = `${row.ownerId}:${row.version}`;
    let timer: NodeJS.Timeout | undefined;
    const echoed = new Promise<void>((resolve) => {
      this.echoes.set(key, resolve);
      timer = setTimeout(resolve, ECHO_WAIT_MS);
    });
    try {
      await this.channel.notify(payload);
      await echoed;
    } catch (error) {
      // The row is saved; the other replicas' poll brings it.
      this.logger.warn(`Could not announce the search settings of owner ${row.ownerId}: ${String(error)}`);
    } finally {
      clearTimeout(timer);
      this.echoes.delete(key);
    }
  }

  /** Reads the recently stamped rows; the fallback for a notification that never arrived. */
  async poll(): Promise<number> {
    const since = new Date(Date.now() - this.config.syncOverlapMs - this.config.syncIntervalMs).toISOString();
    let applied = 0;
    for (const row of await this.repository.changedSince(since)) {
      if (this.apply(row)) {
        applied += 1;
      }
    }
    return applied;
  }

  private onNotification(notification: SettingsNotification): void {
    if (notification.origin === this.origin) {
      this.echoes.get(`${notification.ownerId}:${notification.version}`)?.();
      return;
    }
    if (notification.settings) {
      this.apply(notification as SearchSettingsEntity);
      return;
    }
    if ((this.entries.get(notification.ownerId)?.version ?? 0) < notification.version) {
      void this.refresh(notification.ownerId);
    }
  }

  private async refresh(ownerId: number): Promise<void> {
    try {
      const row = await this.repository.find(ownerId);
      if (row) {
        this.apply(row);
      }
    } catch (error) {
      this.logger.warn(`Re-reading the search settings of owner ${ownerId} failed: ${String(error)}`);
    }
  }
}
