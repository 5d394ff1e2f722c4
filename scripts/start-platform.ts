import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ServiceSpec, supervise } from './supervisor';

/**
 * `npm run start:platform`: the built search service and gateway, each restarted on its own when it dies, so that
 * one crash never takes the other down. Every setting (ports, hosts, data directory, token) comes from the
 * environment the services read themselves; nothing here overrides it.
 */

const REPO_ROOT = resolve(__dirname, '..');

const PLATFORM_ENTRIES = {
  'search-service': join(REPO_ROOT, 'dist', 'search-service', 'search-service', 'src', 'main.js'),
  gateway: join(REPO_ROOT, 'dist', 'gateway', 'gateway', 'src', 'main.js'),
};

function main(): void {
  const missing = Object.values(PLATFORM_ENTRIES).filter((entry) => !existsSync(entry));
  if (missing.length > 0) {
    // A restart loop would only repeat this; the build is what is missing.
    console.error(`${missing.join(', ')} missing: run \`npm run build\` first`);
    process.exit(1);
  }
  const services: ServiceSpec[] = Object.entries(PLATFORM_ENTRIES).map(([name, entry]) => ({
    name,
    // The supervisor's own Node binary and environment (NODE_OPTIONS included), and no shell in between.
    command: process.execPath,
    args: [entry],
  }));
  const supervisor = supervise({ services });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void supervisor.stop(signal));
  }
  void supervisor.stopped.then((code) => process.exit(code));
}

main();
