import type { AuthConfig } from '../auth.config';
import { AuthenticatedUser, PERMISSIONS } from '../authenticated-user';
import { CredentialCache } from './credential-cache';

function cacheWith(max: number, ttlMs: number): CredentialCache {
  return new CredentialCache({ credentialCacheMax: max, credentialCacheTtlMs: ttlMs } as AuthConfig);
}

const ADA_BY_KEY: AuthenticatedUser = {
  id: 7,
  email: 'ada@example.com',
  apiKeyId: 'key-1',
  permissions: ['search'],
  forcedFilters: null,
};
const ADA_BY_JWT: AuthenticatedUser = {
  id: 7,
  email: 'ada@example.com',
  apiKeyId: null,
  permissions: PERMISSIONS,
  forcedFilters: null,
};

// lru-cache reads its own clock (performance.now), which Jest's fake timers do not move.
const pause = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

describe(CredentialCache.name, () => {
  it('remembers a credential until the TTL', async () => {
    const sut = cacheWith(10, 40);
    sut.set('hash-1', ADA_BY_KEY);
    expect(sut.get('hash-1')).toEqual(ADA_BY_KEY);

    await pause(80);

    expect(sut.get('hash-1')).toBeUndefined();
  });

  it('forgets a credential at its own expiry when that comes first, and never keeps an expired one', async () => {
    const sut = cacheWith(10, 60_000);
    sut.set('jwt-1', ADA_BY_JWT, Date.now() + 40);
    sut.set('jwt-2', ADA_BY_JWT, Date.now() - 1);
    expect(sut.get('jwt-1')).toEqual(ADA_BY_JWT);
    expect(sut.get('jwt-2')).toBeUndefined();

    await pause(80);

    expect(sut.get('jwt-1')).toBeUndefined();
  });

  it('never answers an entry past its own expiry, even within the TTL', () => {
    const sut = cacheWith(10, 60_000);
    const now = Date.now();
    sut.set('hash-1', ADA_BY_KEY, now + 60_000);
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      expect(sut.get('hash-1')).toBeUndefined();
    } finally {
      clock.mockRestore();
    }
  });

  it('holds at most CREDENTIAL_CACHE_MAX entries, dropping the least recently used', () => {
    const sut = cacheWith(2, 60_000);
    sut.set('a', ADA_BY_JWT);
    sut.set('b', ADA_BY_JWT);
    sut.get('a');
    sut.set('c', ADA_BY_JWT);

    expect(sut.get('a')).toBeDefined();
    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('c')).toBeDefined();
  });

  it('evicts every entry of a revoked key, and only those', () => {
    const sut = cacheWith(10, 60_000);
    sut.set('hash-1', ADA_BY_KEY);
    sut.set('hash-2', { ...ADA_BY_KEY, apiKeyId: 'key-2' });
    sut.set('jwt-1', ADA_BY_JWT);

    sut.evictApiKey('key-1');

    expect(sut.get('hash-1')).toBeUndefined();
    expect(sut.get('hash-2')).toBeDefined();
    expect(sut.get('jwt-1')).toBeDefined();
  });

  it('can drop every API key while keeping JWTs', () => {
    const sut = cacheWith(10, 60_000);
    sut.set('hash-1', ADA_BY_KEY);
    sut.set('jwt-1', ADA_BY_JWT);

    sut.evictAllApiKeys();

    expect(sut.get('hash-1')).toBeUndefined();
    expect(sut.get('jwt-1')).toEqual(ADA_BY_JWT);
  });

  it('keeps nothing when disabled', () => {
    const sut = cacheWith(0, 60_000);
    sut.set('hash-1', ADA_BY_KEY);

    expect(sut.get('hash-1')).toBeUndefined();
  });
});
