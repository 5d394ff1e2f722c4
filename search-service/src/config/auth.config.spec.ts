import { authConfig, DEVELOPMENT_SERVICE_TOKEN } from './auth.config';

describe('authConfig', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  function load(env: Record<string, string | undefined>): { serviceToken: string } {
    process.env = { ...saved, NODE_ENV: undefined, SERVICE_TOKEN: undefined, ...env };
    return authConfig();
  }

  it('falls back to the development token outside production', () => {
    expect(load({}).serviceToken).toBe(DEVELOPMENT_SERVICE_TOKEN);
    expect(load({ NODE_ENV: 'test', SERVICE_TOKEN: 'abc' }).serviceToken).toBe('abc');
  });

  it('refuses to start in production without a token', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow('SERVICE_TOKEN must be set');
  });

  it('refuses the development token and short tokens in production', () => {
    expect(() => load({ NODE_ENV: 'production', SERVICE_TOKEN: DEVELOPMENT_SERVICE_TOKEN })).toThrow(
      'SERVICE_TOKEN must be set',
    );
    expect(() => load({ NODE_ENV: 'production', SERVICE_TOKEN: 'short' })).toThrow('at least 16 characters');
  });

  it('accepts a real production token', () => {
    expect(load({ NODE_ENV: 'production', SERVICE_TOKEN: 'a-long-random-production-token' }).serviceToken).toBe(
      'a-long-random-production-token',
    );
  });
});
