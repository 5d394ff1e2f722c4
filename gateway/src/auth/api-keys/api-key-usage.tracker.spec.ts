import { ApiKeyUsageTracker } from './api-key-usage.tracker';
import { ApiKeysRepository } from './api-keys.repository';

describe(ApiKeyUsageTracker.name, () => {
  let sut: ApiKeyUsageTracker;
  let repository: jest.Mocked<Pick<ApiKeysRepository, 'touchLastUsed'>>;

  beforeEach(() => {
    repository = { touchLastUsed: jest.fn().mockResolvedValue(undefined) };
    sut = new ApiKeyUsageTracker(repository as unknown as ApiKeysRepository, {
      jwtSecret: 'unused',
      jwtExpiresIn: '24h',
      apiKeyLastUsedFlushMs: 60_000,
      credentialCacheMax: 0,
      credentialCacheTtlMs: 0,
    });
  });

  describe('flush', () => {
    it('writes many uses of a key as one update with the latest time', async () => {
      sut.recordUse('a', new Date(1000));
      sut.recordUse('a', new Date(3000));
      sut.recordUse('b', new Date(2000));

      await sut.flush();

      expect(repository.touchLastUsed).toHaveBeenCalledTimes(1);
      expect([...repository.touchLastUsed.mock.calls[0][0]]).toEqual([
        ['a', new Date(3000)],
        ['b', new Date(2000)],
      ]);
      expect(sut.pendingUse('a')).toBeNull();
    });

    it('does nothing when no key was used', async () => {
      await sut.flush();

      expect(repository.touchLastUsed).not.toHaveBeenCalled();
    });

    it('keeps uses for the next flush when the write fails', async () => {
      repository.touchLastUsed.mockRejectedValueOnce(new Error('database is locked'));
      sut.recordUse('a', new Date(1000));

      await sut.flush();
      expect(sut.pendingUse('a')).toEqual(new Date(1000));
      await sut.flush();

      expect(repository.touchLastUsed).toHaveBeenCalledTimes(2);
      expect(sut.pendingUse('a')).toBeNull();
    });
  });

  describe('onModuleDestroy', () => {
    it('flushes what is pending', async () => {
      sut.onModuleInit();
      sut.recordUse('a', new Date(1000));

      await sut.onModuleDestroy();

      expect(repository.touchLastUsed).toHaveBeenCalledTimes(1);
    });
  });
});
