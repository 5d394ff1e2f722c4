import { authConfig, DEVELOPMENT_JWT_SECRET } from './auth.config';

describe('authConfig', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  function load(env: Record<string, string | undefined>): ReturnType<typeof authConfig> {
    process.env = { ...env };
    return authConfig();
  }

  it('uses the development secret and 24 h tokens by default', () => {
    expect(load({})).toEqual({
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      jwtExpiresIn: '24h',
      apiKeyLastUsedFlushMs: 5000,
      credentialCacheMax: 10_000,
      credentialCacheTtlMs: 60_000,
    });
  });

  it('refuses to start in production without JWT_SECRET', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
  });

  it('refuses the development secret in production', () => {
    expect(() => load({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /JWT_SECRET must be set/,
    );
  });

  it('accepts a real secret in production', () => {
    const secret = 'p'.repeat(40);

    expect(load({ NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('reads a bare number of JWT_EXPIRES_IN as seconds', () => {
    expect(load({ JWT_EXPIRES_IN: '3600' }).jwtExpiresIn).toBe(3600);
  });

  it('lists every bad variable', () => {
    expect(() => load({ JWT_EXPIRES_IN: 'forever', API_KEY_LAST_USED_FLUSH_MS: 'soon' })).toThrow(
      /JWT_EXPIRES_IN .*; API_KEY_LAST_USED_FLUSH_MS/,
    );
  });
});
