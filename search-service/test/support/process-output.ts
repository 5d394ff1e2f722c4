import type { ChildProcess, StdioOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * Where a started service's stdout and stderr go: kept in memory for assertions (the default), or
 * written to a file, as a deployment would, when a long load run would otherwise pile its
 * per-request log lines up in the test process.
 */
export interface ProcessOutput {
  stdio: StdioOptions;
  /** Call right after spawn(). */
  attach(child: ChildProcess): void;
  read(): string;
}

export function processOutput(logFile?: string): ProcessOutput {
  if (logFile) {
    const fd = openSync(logFile, 'a');
    return {
      stdio: ['ignore', fd, fd],
      // spawn() has handed the child its own copy of the descriptor by the time it returns.
      attach: () => closeSync(fd),
      read: () => readFileSync(logFile, 'utf8'),
    };
  }
  let output = '';
  return {
    stdio: ['ignore', 'pipe', 'pipe'],
    attach: (child) => {
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    },
    read: () => output,
  };
}
