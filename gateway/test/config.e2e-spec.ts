import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startGateway } from './support/start-gateway';

// A start that fails on configuration must not leave a database connection retrying after the test: on the
// PostgreSQL run the helper drops the database at once, so these cases stay on SQLite.
const ON_SQLITE = { DATABASE_URL: undefined };

describe('Gateway configuration at start', () => {
  it('refuses to start in production without JWT_SECRET, saying why', async () => {
    await expect(
      startGateway({ env: { ...ON_SQLITE, NODE_ENV: 'production', JWT_SECRET: undefined } }),
    ).rejects.toThrow(/JWT_SECRET must be set/);
  });

  it('refuses to start with invalid variables, naming each', async () => {
    await expect(startGateway({ env: { ...ON_SQLITE, SQLITE_BUSY_TIMEOUT_MS: 'long' } })).rejects.toThrow(
      /SQLITE_BUSY_TIMEOUT_MS/,
    );
  });

  it('starts in production with a secret and creates a missing DATA_DIR', async () => {
    const dataDir = join(tmpdir(), `gateway-nested-${Date.now()}`, 'deeper');
    const gateway = await startGateway({
      // SERVICE_TOKEN: the search client, like auth, refuses its development default in production.
      env: { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), SERVICE_TOKEN: 't'.repeat(40), DATA_DIR: dataDir },
    });
    try {
      await request(gateway.url).get('/health').expect(200);
      if (!gateway.databaseName) {
        expect(existsSync(join(dataDir, 'gateway.sqlite'))).toBe(true);
      }
    } finally {
      await gateway.stop();
    }
  });

  it('uses the configured CORS allow-list', async () => {
    const gateway = await startGateway({ env: { CORS_ORIGINS: 'https://dashboard.example.com' } });
    try {
      const allowed = await request(gateway.url).get('/health').set('Origin', 'https://dashboard.example.com');
      const other = await request(gateway.url).get('/health').set('Origin', 'http://localhost:3000');

      expect(allowed.headers['access-control-allow-origin']).toBe('https://dashboard.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await gateway.stop();
    }
  });
});
