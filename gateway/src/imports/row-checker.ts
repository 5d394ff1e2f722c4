import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { CheckedRows, checkRows, RowToCheck } from './row-checks';

/** The compiled worker; absent when the gateway runs from its TypeScript sources (ts-jest, ts-node). */
const WORKER_FILE = join(__dirname, 'row-checks.worker.js');

/**
 * Validates import rows on worker threads while the request thread goes on parsing the body: the class-validator
 * checks were the largest item of an import's profile (about 48 µs a row), and on the request thread they
 * delayed every other request. Chunks come back in the order they were given. Without the compiled worker the
 * checks run in place, with the same results.
 */
@Injectable()
export class RowChecker implements OnModuleDestroy {
  private readonly pool = existsSync(WORKER_FILE)
    ? new Piscina<readonly RowToCheck[], CheckedRows>({
        filename: WORKER_FILE,
        minThreads: 0,
        maxThreads: Math.min(2, availableParallelism()),
        idleTimeout: 30_000,
      })
    : null;

  check(rows: readonly RowToCheck[]): Promise<CheckedRows> {
    return this.pool ? this.pool.run(rows) : Promise.resolve(checkRows(rows));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
