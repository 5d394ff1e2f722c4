import { NotFoundException } from '@nestjs/common';
import { User } from '../../users/user.entity';
import type { AuthConfig } from '../auth.config';
import { PERMISSIONS } from '../authenticated-user';
import { CredentialCache } from '../credentials/credential-cache';
import { Revocations } from '../credentials/revocations';
import { hashApiKey } from './api-key-secret';
import { ApiKeyUsageTracker } from './api-key-usage.tracker';
import { ApiKey } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

function makeApiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'key-1',
    userId: 7,
    name: 'CI',
    keyHash: 'a'.repeat(64),
    prefix: 'imaginario_live_abcdefgh',
    isActive: true,
    rateLimitPerMinute: null,
    dailyQuota: null,
    monthlyQuota: null,
    permissions: [...PERMISSIONS],
    expiresAt: null,
    createdAt: new Date('2026-11-26T10:00:00Z'),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

describe(ApiKeysService.name, () => {
  let sut: ApiKeysService;
  let repository: jest.Mocked<
    Pick<ApiKeysRepository, 'create' | 'findByOwner' | 'findOwned' | 'revoke' | 'findActiveByHash'>
  >;
  let usage: jest.Mocked<Pick<ApiKeyUsageTracker, 'recordUse' | 'pendingUse'>>;
  let revocations: { live: boolean; revoked: jest.Mock };

  beforeEach(() => {
    repository = {
      create: jest.fn(),
      findByOwner: jest.fn(),
      findOwned: jest.fn(),
      revoke: jest.fn(),
      findActiveByHash: jest.fn(),
    };
    usage = { recordUse: jest.fn(), pendingUse: jest.fn().mockReturnValue(null) };
    const cache = new CredentialCache({ credentialCacheMax: 100, credentialCacheTtlMs: 60_000 } as AuthConfig);
    revocations = { live: true, revoked: jest.fn((id: string) => Promise.resolve(cache.evictApiKey(id))) };
    sut = new ApiKeysService(
      repository as unknown as ApiKeysRepository,
      usage as unknown as ApiKeyUsageTracker,
      cache,
      revocations as unknown as Revocations,
    );
  });

  describe('create', () => {
    it('stores only the hash and a display prefix, and returns the key once', async () => {
      repository.create.mockImplementation((input) => Promise.resolve(makeApiKey({ ...input })));

      const result = await sut.create(7, { name: 'CI', daily_quota: 500 });

      const stored = repository.create.mock.calls[0][0];
      expect(result.api_key).toMatch(/^imaginario_live_[A-Za-z0-9_-]{43}$/);
      expect(stored.keyHash).toBe(hashApiKey(result.api_key));
      expect(stored.prefix).toBe(result.api_key.slice(0, 24));
      expect(JSON.stringify(stored)).not.toContain(result.api_key);
      expect(stored).toMatchObject({
        userId: 7,
        name: 'CI',
        dailyQuota: 500,
        rateLimitPerMinute: null,
        monthlyQuota: null,
      });
      expect(result).toMatchObject({
        api_key_id: stored.id,
        name: 'CI',
        daily_quota: 500,
        permissions: PERMISSIONS,
        expires_at: null,
      });
    });

    it('stores the permissions asked for, in their canonical order, and the expiry', async () => {
      repository.create.mockImplementation((input) => Promise.resolve(makeApiKey({ ...input })));

      const result = await sut.create(7, {
        name: 'CI',
        permissions: ['videos:read', 'search'],
        expires_at: '2030-01-01T00:00:00Z',
      });

      expect(repository.create.mock.calls[0][0]).toMatchObject({
        permissions: ['search', 'videos:read'],
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      });
      expect(result).toMatchObject({ permissions: ['search', 'videos:read'], expires_at: '2030-01-01T00:00:00.000Z' });
    });
  });

  describe('list', () => {
    it('maps keys without secrets and shows a use not yet flushed', async () => {
      const pending = new Date('2026-11-26T11:00:00Z');
      repository.findByOwner.mockResolvedValue([makeApiKey({ lastUsedAt: new Date('2026-11-26T10:30:00Z') })]);
      usage.pendingUse.mockReturnValue(pending);

      const result = await sut.list(7);

      expect(repository.findByOwner).toHaveBeenCalledWith(7, { includeRevoked: false });
      expect(result.api_keys).toEqual([
        {
          id: 'key-1',
          name: 'CI',
          is_active: true,
          created_at: '2026-11-26T10:00:00.000Z',
          last_used_at: pending.toISOString(),
          prefix: 'imaginario_live_abcdefgh',
          rate_limit_per_minute: null,
          daily_quota: null,
          monthly_quota: null,
          permissions: PERMISSIONS,
          expires_at: null,
          expired: false,
          revoked_at: null,
        },
      ]);
    });

    it('asks for revoked keys too when told, and shows expiry and revocation', async () => {
      repository.findByOwner.mockResolvedValue([
        makeApiKey({
          isActive: false,
          revokedAt: new Date('2026-11-27T10:00:00Z'),
          expiresAt: new Date('2026-11-26T12:00:00Z'),
        }),
      ]);

      const result = await sut.list(7, true);

      expect(repository.findByOwner).toHaveBeenCalledWith(7, { includeRevoked: true });
      expect(result.api_keys[0]).toMatchObject({
        is_active: false,
        revoked_at: '2026-11-27T10:00:00.000Z',
        expires_at: '2026-11-26T12:00:00.000Z',
        expired: true,
      });
    });
  });

  describe('get', () => {
    it("returns one of the caller's keys, revoked ones included", async () => {
      repository.findOwned.mockResolvedValue(makeApiKey({ isActive: false }));

      await expect(sut.get(7, 'key-1')).resolves.toMatchObject({ id: 'key-1', is_active: false });
      expect(repository.findOwned).toHaveBeenCalledWith('key-1', 7);
    });

    it('is a 404 for an unknown key or one of another user', async () => {
      repository.findOwned.mockResolvedValue(null);

      await expect(sut.get(7, 'key-2')).rejects.toThrow(new NotFoundException('API key not found'));
    });
  });

  describe('revoke', () => {
    it('revokes an active key of the caller', async () => {
      repository.revoke.mockResolvedValue(true);

      await sut.revoke(7, 'key-1');

      expect(repository.revoke).toHaveBeenCalledWith('key-1', 7);
      expect(revocations.revoked).toHaveBeenCalledWith('key-1');
    });

    it('is a 404 when there is no such active key for the caller', async () => {
      repository.revoke.mockResolvedValue(false);

      await expect(sut.revoke(7, 'key-1')).rejects.toThrow(new NotFoundException('API key not found'));
    });
  });

  describe('authenticate', () => {
    it('looks the key up by its hash, records the use and returns its owner', async () => {
      const key = 'imaginario_live_secret';
      repository.findActiveByHash.mockResolvedValue(
        makeApiKey({ keyHash: hashApiKey(key), user: { email: 'ada@example.com' } as User }),
      );

      await expect(sut.authenticate(key)).resolves.toEqual({
        id: 7,
        email: 'ada@example.com',
        apiKeyId: 'key-1',
        permissions: PERMISSIONS,
        forcedFilters: null,
      });
      expect(repository.findActiveByHash).toHaveBeenCalledWith(hashApiKey(key));
      expect(usage.recordUse).toHaveBeenCalledWith('key-1');
    });

    it('carries the permissions the key was created with', async () => {
      const key = 'imaginario_live_scoped';
      repository.findActiveByHash.mockResolvedValue(
        makeApiKey({ keyHash: hashApiKey(key), permissions: ['search'], user: { email: 'a@example.com' } as User }),
      );

      await expect(sut.authenticate(key)).resolves.toMatchObject({ permissions: ['search'], forcedFilters: null });
    });

    it('answers expired for a key past its expires_at and records nothing', async () => {
      const key = 'imaginario_live_old';
      repository.findActiveByHash.mockResolvedValue(
        makeApiKey({
          keyHash: hashApiKey(key),
          expiresAt: new Date(Date.now() - 1),
          user: { email: 'a@example.com' } as User,
        }),
      );

      await expect(sut.authenticate(key)).resolves.toBe('expired');
      expect(usage.recordUse).not.toHaveBeenCalled();
    });

    it('does not answer a key from memory past its expiry', async () => {
      const key = 'imaginario_live_soon';
      const expiresAt = new Date(Date.now() + 60_000);
      repository.findActiveByHash.mockResolvedValue(
        makeApiKey({ keyHash: hashApiKey(key), expiresAt, user: { email: 'a@example.com' } as User }),
      );
      await expect(sut.authenticate(key)).resolves.toMatchObject({ id: 7 });

      const clock = jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime());
      try {
        await expect(sut.authenticate(key)).resolves.toBe('expired');
        expect(repository.findActiveByHash).toHaveBeenCalledTimes(2);
      } finally {
        clock.mockRestore();
      }
    });

    it('returns null for an unknown or revoked key and records nothing', async () => {
      repository.findActiveByHash.mockResolvedValue(null);

      await expect(sut.authenticate('imaginario_live_unknown')).resolves.toBeNull();
      expect(usage.recordUse).not.toHaveBeenCalled();
    });

    describe('with a key verified before', () => {
      const key = 'imaginario_live_cached';

      beforeEach(async () => {
        repository.findActiveByHash.mockResolvedValue(
          makeApiKey({ keyHash: hashApiKey(key), user: { email: 'ada@example.com' } as User }),
        );
        await sut.authenticate(key);
        repository.findActiveByHash.mockClear();
        usage.recordUse.mockClear();
      });

      it('answers from memory and still records the use', async () => {
        await expect(sut.authenticate(key)).resolves.toMatchObject({ id: 7, apiKeyId: 'key-1' });
        expect(repository.findActiveByHash).not.toHaveBeenCalled();
        expect(usage.recordUse).toHaveBeenCalledWith('key-1');
      });

      it('refuses the key at once after it is revoked', async () => {
        repository.revoke.mockResolvedValue(true);
        await sut.revoke(7, 'key-1');
        repository.findActiveByHash.mockResolvedValue(null);

        await expect(sut.authenticate(key)).resolves.toBeNull();
      });

      it('looks the key up again while revocations from other gateways may be missed', async () => {
        revocations.live = false;
        repository.findActiveByHash.mockResolvedValue(null);

        await expect(sut.authenticate(key)).resolves.toBeNull();
        expect(repository.findActiveByHash).toHaveBeenCalledWith(hashApiKey(key));
      });
    });
  });
});
