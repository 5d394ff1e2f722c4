// Starts the real platform (search service + gateway serving the built app) as child processes
// on free 127.0.0.1 ports, each with its own fresh temporary DATA_DIR.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESULTS_DIR = join(ROOT, 'web-angular/e2e/test-results');
const START_TIMEOUT_MS = 60_000;

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function startProcess(name, script, env) {
  const log = createWriteStream(join(RESULTS_DIR, `${name}.log`));
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  return { name, child, exited };
}

/** `probe` answers true when ready, or a string saying what it saw instead (kept for the timeout message). */
async function waitFor(description, processes, probe) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastSeen = 'no answer';
  while (Date.now() < deadline) {
    for (const proc of processes) {
      if (proc.child.exitCode !== null) {
        throw new Error(`${proc.name} exited with code ${proc.child.exitCode}; see ${RESULTS_DIR}/${proc.name}.log`);
      }
    }
    const seen = await probe().catch((error) => String(error));
    if (seen === true) {
      return;
    }
    lastSeen = seen || lastSeen;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Timed out after ${START_TIMEOUT_MS} ms waiting for ${description} (last seen: ${lastSeen}); logs in ${RESULTS_DIR}`,
  );
}

function tcpOpen(port) {
  return new Promise((resolveOpen) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once('error', () => resolveOpen(false));
  });
}

async function stopProcess(proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    return;
  }
  proc.child.kill('SIGTERM');
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([proc.exited, timeout])) === 'timeout') {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

export async function startPlatform() {
  const searchDataDir = mkdtempSync(join(tmpdir(), 'vsp-e2e-search-'));
  const gatewayDataDir = mkdtempSync(join(tmpdir(), 'vsp-e2e-gateway-'));
  const serviceToken = randomBytes(24).toString('hex');
  const [grpcPort, searchHttpPort, metricsPort, gatewayPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];

  const search = startProcess('search-service', 'dist/search-service/search-service/src/main.js', {
    PORT: String(searchHttpPort),
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(grpcPort),
    // The default metrics port is fixed, so a second run on the machine would fail to start.
    METRICS_PORT: String(metricsPort),
    DATA_DIR: searchDataDir,
    SERVICE_TOKEN: serviceToken,
  });
  const processes = [search];
  const stop = async () => {
    for (const proc of [...processes].reverse()) {
      await stopProcess(proc);
    }
    rmSync(searchDataDir, { recursive: true, force: true });
    rmSync(gatewayDataDir, { recursive: true, force: true });
  };

  try {
    await waitFor('the search service gRPC port', processes, () => tcpOpen(grpcPort));
    const gateway = startProcess('gateway', 'dist/gateway/gateway/src/main.js', {
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      DATA_DIR: gatewayDataDir,
      SEARCH_GRPC_URL: `127.0.0.1:${grpcPort}`,
      SERVICE_TOKEN: serviceToken,
    });
    processes.push(gateway);
    const baseUrl = `http://127.0.0.1:${gatewayPort}`;
    await waitFor('a healthy gateway', processes, async () => {
      const response = await fetch(`${baseUrl}/health`);
      const body = await response.text();
      return (response.ok && JSON.parse(body).checks?.search_service?.status === 'up') || `${response.status} ${body}`;
    });
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
