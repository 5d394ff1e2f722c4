import { createGatewayApp } from '@gateway/bootstrap';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase, postgresUrl } from './test-database';

export interface StartedGateway {
  app: NestFastifyApplication;
  /** e.g. `http://127.0.0.1:39217` */
  url: string;
  dataDir: string;
  /** PostgreSQL database name when running with TEST_DATABASE=postgres, else null. */
  databaseName: string | null;
  stop(): Promise<void>;
}

export interface StartGatewayOptions {
  /** Extra environment for this gateway (restored once it has started). */
  env?: Record<string, string | undefined>;
}

/**
 * Starts the real gateway in-process on 127.0.0.1 and a random port, on a fresh temporary
 * DATA_DIR (SQLite) or, when TEST_DATABASE=postgres, on a fresh PostgreSQL database that is
 * dropped again by stop().
 */
export async function startGateway(options: StartGatewayOptions = {}): Promise<StartedGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-e2e-'));
  const databaseName = process.env.TEST_DATABASE === 'postgres' ? await createPostgresDatabase() : null;
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseName ? postgresUrl(databaseName) : undefined,
    ...options.env,
  };

  const saved = applyEnv(env);
  let app: NestFastifyApplication;
  try {
    app = await createGatewayApp({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    applyEnv(saved);
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) {
      await dropPostgresDatabase(databaseName);
    }
    throw error;
  }
  applyEnv(saved);

  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    dataDir,
    databaseName,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseName) {
        await dropPostgresDatabase(databaseName);
      }
    },
  };
}

function applyEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const previous: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    previous[name] = process.env[name];
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
  return previous;
}
