import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type RestartBackoff,
  restartDelayMs,
  type ServiceSpec,
  supervise,
  type Supervisor,
  type SupervisorLogEntry,
} from '../scripts/supervisor';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

const BACKOFF: RestartBackoff = { initialDelayMs: 100, maxDelayMs: 300, healthyAfterMs: 3000 };

/** A service written as a Node one-liner; it prints nothing, so that the inherited stdout stays quiet. */
function nodeService(name: string, code: string): ServiceSpec {
  return { name, command: process.execPath, args: ['-e', code] };
}

function until(description: string, condition: () => boolean, timeoutMs?: number): Promise<true> {
  return waitFor(description, () => Promise.resolve(condition() ? true : undefined), { timeoutMs });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('restartDelayMs', () => {
  it('doubles with each crash in a row up to the ceiling', () => {
    expect([0, 1, 2, 3].map((crashes) => restartDelayMs(crashes, BACKOFF))).toEqual([100, 200, 300, 300]);
  });
});

describe('supervise', () => {
  let dir: string;
  let entries: SupervisorLogEntry[];
  let supervisor: Supervisor | undefined;

  const log = (entry: SupervisorLogEntry): void => {
    entries.push(entry);
  };
  const about = (child: string, msg: string) => entries.filter((entry) => entry.child === child && entry.msg === msg);
  const pidsOf = (child: string) => about(child, `${child} started`).map((entry) => entry.pid as number);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'supervisor-'));
    entries = [];
  });

  afterEach(async () => {
    await supervisor?.stop('the end of the test');
    supervisor = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts only the crashed service, backing off while it keeps crashing and resetting after a healthy run', async () => {
    const runs = join(dir, 'runs');
    // Crashes at once three times, then once after a healthy run, then stays up.
    const flaky = nodeService(
      'flaky',
      `const fs = require('fs');
       const run = (fs.existsSync(${JSON.stringify(runs)}) ? Number(fs.readFileSync(${JSON.stringify(runs)}, 'utf8')) : 0) + 1;
       fs.writeFileSync(${JSON.stringify(runs)}, String(run));
       if (run <= 3) process.exit(1);
       setTimeout(() => { if (run === 4) process.exit(1); }, ${BACKOFF.healthyAfterMs + 500});
       setInterval(() => {}, 1000);`,
    );
    supervisor = supervise({
      services: [flaky, nodeService('steady', 'setInterval(() => {}, 1000)')],
      backoff: BACKOFF,
      log,
    });

    await until(
      'the fifth run of the flaky service',
      () => existsSync(runs) && readFileSync(runs, 'utf8') === '5',
      30_000,
    );

    expect(about('flaky', 'flaky exited; restarting').map((entry) => entry.restartInMs)).toEqual([100, 200, 300, 100]);
    expect(pidsOf('flaky')).toHaveLength(5);
    expect(pidsOf('steady')).toHaveLength(1);
    expect(isRunning(pidsOf('steady')[0])).toBe(true);
  });

  it('stops every service on stop() and restarts none of those that die of its SIGTERM', async () => {
    const ready = join(dir, 'ready');
    const drained = join(dir, 'drained');
    supervisor = supervise({
      services: [
        // Node's default SIGTERM action: death by the signal, which a restart policy must not take for a crash.
        nodeService('plain', 'setInterval(() => {}, 1000)'),
        nodeService(
          'graceful',
          `const fs = require('fs');
           process.on('SIGTERM', () => setTimeout(() => { fs.writeFileSync(${JSON.stringify(drained)}, ''); process.exit(0); }, 200));
           fs.writeFileSync(${JSON.stringify(ready)}, '');
           setInterval(() => {}, 1000);`,
        ),
      ],
      backoff: BACKOFF,
      log,
    });
    const pids = [...pidsOf('plain'), ...pidsOf('graceful')];
    await until('the graceful SIGTERM handler', () => existsSync(ready));

    expect(await supervisor.stop('SIGTERM')).toBe(0);
    // A second stop, as a Ctrl-C relayed by npm would make, changes nothing.
    expect(await supervisor.stop('SIGINT')).toBe(0);

    expect(existsSync(drained)).toBe(true);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(about('plain', 'plain stopped')).toEqual([expect.objectContaining({ signal: 'SIGTERM' })]);
    expect(about('graceful', 'graceful stopped')).toEqual([expect.objectContaining({ exitCode: 0 })]);
    await new Promise((wait) => setTimeout(wait, BACKOFF.maxDelayMs * 2));
    expect(entries.filter((entry) => String(entry.msg).endsWith('started'))).toHaveLength(2);
  });

  it('cancels a pending restart on stop()', async () => {
    supervisor = supervise({
      services: [nodeService('crashing', 'process.exit(1)')],
      backoff: { ...BACKOFF, initialDelayMs: 5000 },
      log,
    });
    await until('the crash', () => about('crashing', 'crashing exited; restarting').length === 1);

    expect(await supervisor.stop('SIGTERM')).toBe(0);

    expect(pidsOf('crashing')).toHaveLength(1);
  });

  it('kills a service that ignores SIGTERM once the stop timeout is over, and reports the unclean stop', async () => {
    const ready = join(dir, 'ready');
    supervisor = supervise({
      services: [
        nodeService(
          'stubborn',
          `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(ready)}, '');
           setInterval(() => {}, 1000);`,
        ),
      ],
      backoff: BACKOFF,
      stopTimeoutMs: 500,
      log,
    });
    await until('the SIGTERM handler', () => existsSync(ready));

    expect(await supervisor.stop('SIGTERM')).toBe(1);

    expect(isRunning(pidsOf('stubborn')[0])).toBe(false);
    expect(about('stubborn', 'stubborn stopped')).toEqual([expect.objectContaining({ signal: 'SIGKILL' })]);
  });
});
