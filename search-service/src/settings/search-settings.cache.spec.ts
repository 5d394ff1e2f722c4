import { PostgresChannel } from '@search/database/postgres-channel';
import type { EngineSettings } from '@search/engine/search-engine';
import { SearchSettingsCache, type SettingsNotification } from './search-settings.cache';
import type { SearchSettingsEntity } from './search-settings.entity';
import type { SearchSettingsRepository } from './search-settings.repository';

jest.mock('@search/database/postgres-channel', () => ({
  MAX_NOTIFY_PAYLOAD_BYTES: 7900,
  PostgresChannel: jest.fn(),
}));

const config = { syncIntervalMs: 1000, syncOverlapMs: 5000, snapshotIntervalMs: 0 };

function settings(word: string): EngineSettings {
  return {
    synonyms: { [word]: ['other'] },
    stopWords: [],
    typoTolerance: { enabled: true, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 32 },
    fieldWeights: { title: 1, description: 1, tags: 1 },
  };
}

function row(ownerId: number, version: number, word = `v${version}`): SearchSettingsEntity {
  return { ownerId, version, settings: settings(word), updatedAt: `2026-03-01T00:00:0${version}.000Z` };
}

describe('SearchSettingsCache', () => {
  let repository: jest.Mocked<Pick<SearchSettingsRepository, 'findAll' | 'find' | 'changedSince'>> & {
    isShared: boolean;
    dataSource: object;
  };
  let channel: { listen: jest.Mock; notify: jest.Mock; stop: jest.Mock };
  let deliver: (payload: string) => void;

  beforeEach(() => {
    repository = {
      findAll: jest.fn().mockResolvedValue([]),
      find: jest.fn().mockResolvedValue(null),
      changedSince: jest.fn().mockResolvedValue([]),
      isShared: false,
      dataSource: {},
    };
    channel = {
      listen: jest.fn().mockImplementation((listener: (payload: string) => void) => {
        deliver = listener;
        return Promise.resolve();
      }),
      notify: jest.fn(),
      stop: jest.fn().mockResolvedValue(undefined),
    };
    (PostgresChannel as unknown as jest.Mock).mockImplementation(() => channel);
  });

  const create = () => new SearchSettingsCache(config, repository as unknown as SearchSettingsRepository);

  describe('on SQLite (one process)', () => {
    it('loads every saved row before serving, and listens to nothing', async () => {
      repository.findAll.mockResolvedValue([row(1, 2)]);
      const sut = create();
      await sut.onModuleInit();
      expect(sut.forOwner(1)).toEqual(settings('v2'));
      expect(sut.forOwner(2)).toBeUndefined();
      expect(PostgresChannel).not.toHaveBeenCalled();
      await expect(sut.announce(row(1, 3))).resolves.toBeUndefined();
    });

    it('keeps the newest version whatever order rows arrive in', () => {
      const sut = create();
      expect(sut.apply(row(1, 2))).toBe(true);
      expect(sut.apply(row(1, 1))).toBe(false);
      expect(sut.apply(row(1, 2, 'again'))).toBe(false);
      expect(sut.forOwner(1)).toEqual(settings('v2'));
      expect(sut.apply(row(1, 3))).toBe(true);
      expect(sut.entry(1)).toMatchObject({ version: 3, updatedAt: row(1, 3).updatedAt });
    });
  });

  describe('on a shared PostgreSQL database', () => {
    let sut: SearchSettingsCache;

    beforeEach(async () => {
      repository.isShared = true;
      sut = create();
      await sut.onModuleInit();
    });

    const notification = (overrides: Partial<SettingsNotification>): string =>
      JSON.stringify({ origin: 'other-replica', ownerId: 1, version: 2, updatedAt: 'x', ...overrides });

    it('listens before loading, so a change committed in between is not missed', () => {
      expect(channel.listen.mock.invocationCallOrder[0]).toBeLessThan(repository.findAll.mock.invocationCallOrder[0]);
    });

    it("applies another replica's settings carried in the notification, without reading", () => {
      deliver(notification({ settings: settings('sent') }));
      expect(sut.forOwner(1)).toEqual(settings('sent'));
      expect(repository.find).not.toHaveBeenCalled();
    });

    it('re-reads the row when the notification was too large to carry it', async () => {
      repository.find.mockResolvedValue(row(1, 2, 'read'));
      deliver(notification({}));
      await new Promise(setImmediate);
      expect(repository.find).toHaveBeenCalledWith(1);
      expect(sut.forOwner(1)).toEqual(settings('read'));
    });

    it('ignores a notification of a version it holds already', async () => {
      sut.apply(row(1, 5));
      deliver(notification({ version: 4 }));
      await new Promise(setImmediate);
      expect(repository.find).not.toHaveBeenCalled();
    });

    it('answers an update once its own notification came back', async () => {
      let echoed = false;
      channel.notify.mockImplementation((payload: string) => {
        setTimeout(() => {
          echoed = true;
          deliver(payload);
        }, 20);
        return Promise.resolve();
      });
      const own = row(1, 7);
      sut.apply(own);
      await sut.announce(own);
      expect(echoed).toBe(true);
      expect(JSON.parse(channel.notify.mock.calls[0][0] as string)).toMatchObject({ ownerId: 1, version: 7 });
    });

    it('leaves the settings out of a notification that would exceed the payload limit', async () => {
      const big = {
        ...row(1, 2),
        settings: { ...settings('x'), stopWords: Array.from({ length: 900 }, (_, i) => `word${i}`) },
      };
      channel.notify.mockResolvedValue(undefined);
      jest.useFakeTimers();
      const announced = sut.announce(big);
      await jest.advanceTimersByTimeAsync(1000);
      await announced;
      jest.useRealTimers();
      expect(JSON.parse(channel.notify.mock.calls[0][0] as string)).not.toHaveProperty('settings');
    });

    it('still answers when the notification cannot be sent (the poll brings the change)', async () => {
      channel.notify.mockRejectedValue(new Error('connection lost'));
      await expect(sut.announce(row(1, 2))).resolves.toBeUndefined();
    });

    it('polls the recently stamped rows as the fallback for a lost notification', async () => {
      repository.changedSince.mockResolvedValue([row(1, 3), row(2, 1)]);
      await expect(sut.poll()).resolves.toBe(2);
      expect(sut.forOwner(2)).toEqual(settings('v1'));
      await sut.beforeApplicationShutdown();
      expect(channel.stop).toHaveBeenCalled();
    });
  });
});
