import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Keeps a few long-running services up side by side, as `npm start` needs them: a crash restarts only the
 * service that crashed, after a delay that doubles with each crash in a row (up to a ceiling) and falls back to
 * the first delay once a run has lasted long enough to count as healthy.
 *
 * The services' stdout and stderr are the supervisor's own file descriptors (inherited, not piped): their JSON
 * log lines go straight to the terminal, and a busy gateway costs the supervisor no CPU at all.
 *
 * Written here rather than run through concurrently (whose --raw mode does inherit stdio): its exponential
 * restart delay neither resets nor stops growing, and it restarts a service that exits on the SIGTERM it has just
 * forwarded, so a SIGTERM does not stop it.
 */

export interface ServiceSpec {
  /** Matches the `service` field of the service's own log lines. */
  name: string;
  command: string;
  args: string[];
}

export interface RestartBackoff {
  /** The wait before restarting a service that crashed after a healthy run (or on its first crash). */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run that lasted this long was healthy: its crash is not counted against the next restart's delay. */
  healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: RestartBackoff = { initialDelayMs: 1000, maxDelayMs: 30_000, healthyAfterMs: 30_000 };

/** Longer than the gateway's 20 s request drain, so that a graceful shutdown is never cut short. */
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/** Pino's numeric levels, so that the supervisor's lines read like the services' own. */
export const LOG_LEVEL = { info: 30, warn: 40, error: 50 } as const;

export interface SupervisorLogEntry {
  level: number;
  msg: string;
  /** The service an entry is about. */
  child?: string;
  [field: string]: unknown;
}

export interface SupervisorOptions {
  services: ServiceSpec[];
  backoff?: RestartBackoff;
  /** How long services may take to exit after SIGTERM before they are sent SIGKILL. */
  stopTimeoutMs?: number;
  log?: (entry: SupervisorLogEntry) => void;
}

export interface Supervisor {
  /**
   * Sends SIGTERM to every running service, cancels pending restarts, and SIGKILLs whatever still runs after the
   * stop timeout; later calls only return the same promise, so a Ctrl-C that reaches the supervisor twice (from
   * the terminal and from npm) still delivers one SIGTERM.
   */
  stop(reason: string): Promise<number>;
  /** Settles once every service has exited after stop(): 0 if all exited cleanly in time, 1 otherwise. */
  readonly stopped: Promise<number>;
}

/** The delay before the restart that follows `crashesInARow` earlier crashes without a healthy run between them. */
export function restartDelayMs(crashesInARow: number, backoff: RestartBackoff): number {
  return Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** crashesInARow);
}

/** JSON lines on stdout with the services' own fields (`level`, `time`, `service`, `msg`). */
export function logJsonLine(entry: SupervisorLogEntry): void {
  const { level, ...fields } = entry;
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), service: 'supervisor', ...fields })}\n`);
}

interface Slot {
  spec: ServiceSpec;
  child?: ChildProcess;
  startedAt: number;
  crashesInARow: number;
  restartTimer?: NodeJS.Timeout;
}

export function supervise(options: SupervisorOptions): Supervisor {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const log = options.log ?? logJsonLine;
  const slots: Slot[] = options.services.map((spec) => ({ spec, startedAt: 0, crashesInARow: 0 }));

  let stopping = false;
  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (resolveStopped = resolve));
  let uncleanStop = false;
  let killTimer: NodeJS.Timeout | undefined;

  // If the supervisor itself dies (an uncaught error), its services must not run on unsupervised.
  const killOnExit = (): void => {
    for (const slot of slots) {
      slot.child?.kill('SIGKILL');
    }
  };
  process.on('exit', killOnExit);

  const settleIfAllExited = (): void => {
    if (stopping && slots.every((slot) => slot.child === undefined)) {
      clearTimeout(killTimer);
      process.removeListener('exit', killOnExit);
      resolveStopped(uncleanStop ? 1 : 0);
    }
  };

  const start = (slot: Slot): void => {
    slot.restartTimer = undefined;
    const child = spawn(slot.spec.command, slot.spec.args, { stdio: ['ignore', 'inherit', 'inherit'] });
    slot.child = child;
    slot.startedAt = Date.now();
    log({ level: LOG_LEVEL.info, msg: `${slot.spec.name} started`, child: slot.spec.name, pid: child.pid });
    child.on('error', (error) => {
      log({ level: LOG_LEVEL.error, msg: `${slot.spec.name}: ${error.message}`, child: slot.spec.name });
    });
    // 'close' rather than 'exit': it also follows a failed spawn, which emits no 'exit'.
    child.once('close', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      slot.child = undefined;
      const uptimeMs = Date.now() - slot.startedAt;
      const exit = { child: slot.spec.name, pid: child.pid, exitCode, signal, uptimeMs };
      if (stopping) {
        // A service stopped by a signal may re-raise it once its shutdown hooks are done, as Nest does.
        const clean = exitCode === 0 || signal === 'SIGTERM' || signal === 'SIGINT';
        uncleanStop ||= !clean;
        log({ level: clean ? LOG_LEVEL.info : LOG_LEVEL.warn, msg: `${slot.spec.name} stopped`, ...exit });
        settleIfAllExited();
        return;
      }
      if (uptimeMs >= backoff.healthyAfterMs) {
        slot.crashesInARow = 0;
      }
      const delayMs = restartDelayMs(slot.crashesInARow, backoff);
      slot.crashesInARow += 1;
      log({ level: LOG_LEVEL.error, msg: `${slot.spec.name} exited; restarting`, ...exit, restartInMs: delayMs });
      slot.restartTimer = setTimeout(() => start(slot), delayMs);
    });
  };

  const stop = (reason: string): Promise<number> => {
    if (stopping) {
      return stopped;
    }
    stopping = true;
    log({ level: LOG_LEVEL.info, msg: `stopping on ${reason}` });
    for (const slot of slots) {
      clearTimeout(slot.restartTimer);
      slot.child?.kill('SIGTERM');
    }
    killTimer = setTimeout(() => {
      for (const slot of slots) {
        if (slot.child) {
          const msg = `${slot.spec.name} still running after ${stopTimeoutMs} ms; killing it`;
          log({ level: LOG_LEVEL.warn, msg, child: slot.spec.name, pid: slot.child.pid });
          uncleanStop = true;
          slot.child.kill('SIGKILL');
        }
      }
    }, stopTimeoutMs);
    settleIfAllExited();
    return stopped;
  };

  slots.forEach(start);
  return { stop, stopped };
}
