import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs on our machines, so the compose file is checked with the standalone
 * docker-compose (v1, Debian's package) `config`, which validates and interpolates it, then the
 * resolved model is inspected for what each profile promises.
 */
const ROOT = join(__dirname, '..');
const SECRETS = { SERVICE_TOKEN: 'test-token', JWT_SECRET: 'test-secret', POSTGRES_PASSWORD: 'test-password' };

function ensureDockerCompose(): void {
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) {
    return;
  }
  execFileSync(
    'bash',
    [
      '-c',
      'apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends docker-compose',
    ],
    {
      stdio: 'inherit',
    },
  );
}

interface ComposeService {
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: unknown[];
  networks?: Record<string, { aliases?: string[] } | null>;
}

function resolvedConfig(profile: string, env: Record<string, string>): { services: Record<string, ComposeService> } {
  const out = execFileSync('docker-compose', ['--profile', profile, 'config'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return parse(out) as { services: Record<string, ComposeService> };
}

describe('docker-compose.yml', () => {
  beforeAll(() => ensureDockerCompose(), 300_000);

  it('refuses to render without the secrets instead of shipping defaults', () => {
    const result = spawnSync('docker-compose', ['--profile', 'default', 'config', '-q'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/SERVICE_TOKEN|JWT_SECRET/);
  });

  it('default profile runs one search service, one gateway and the web app on SQLite', () => {
    const { services } = resolvedConfig('default', SECRETS);
    const gatewayEnv = services.gateway.environment ?? {};
    for (const name of ['search-service', 'gateway', 'web']) {
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    }
    expect(gatewayEnv.DATABASE_URL).toBeUndefined();
    expect(gatewayEnv.SEARCH_GRPC_URL).toBe('search-service:50051');
    expect(gatewayEnv.SERVICE_TOKEN).toBe(services['search-service'].environment?.SERVICE_TOKEN);
    expect(services.gateway.depends_on?.['search-service'].condition).toBe('service_healthy');
  });

  it('scale profile runs two gateways and two search services on PostgreSQL and Redis', () => {
    const { services } = resolvedConfig('scale', SECRETS);
    for (const name of ['postgres', 'redis', 'search-1', 'search-2', 'gateway-1', 'gateway-2', 'web-scaled']) {
      expect(services[name]).toBeDefined();
    }
    for (const name of ['gateway-1', 'gateway-2']) {
      const env = services[name].environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\/gateway$/);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.SEARCH_GRPC_URL).toBe('dns:///search:50051');
    }
    for (const name of ['search-1', 'search-2']) {
      expect(services[name].environment?.DATABASE_URL).toMatch(/@postgres:5432\/search$/);
      expect(services[name].networks?.default?.aliases).toContain('search');
    }
    expect(JSON.stringify(services)).not.toContain('change-me');
  });
});
