import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

function dataSourceOf(type: string, log: string[]): DataSource {
  return {
    options: { type },
    transaction: jest.fn(async (...args: unknown[]) => {
      const work = args[args.length - 1] as (manager: EntityManager) => Promise<unknown>;
      log.push(args.length > 1 ? `begin ${String(args[0])}` : 'begin');
      try {
        return await work({} as EntityManager);
      } finally {
        log.push('end');
      }
    }),
  } as unknown as DataSource;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(TransactionRunner.name, () => {
  describe('run', () => {
    it('on SQLite, starts a transaction only after the previous one has finished', async () => {
      const log: string[] = [];
      const sut = new TransactionRunner(dataSourceOf('better-sqlite3', log));

      await Promise.all([
        sut.run(async () => {
          log.push('first');
          await tick();
        }),
        sut.run(async () => {
          log.push('second');
          await tick();
        }),
      ]);

      expect(log).toEqual(['begin', 'first', 'end', 'begin', 'second', 'end']);
    });

    it('on SQLite, a failed transaction does not block the next one', async () => {
      const log: string[] = [];
      const sut = new TransactionRunner(dataSourceOf('better-sqlite3', log));

      const failed = sut.run(() => Promise.reject(new Error('constraint')));
      const next = sut.run(() => Promise.resolve('ok'));

      await expect(failed).rejects.toThrow('constraint');
      await expect(next).resolves.toBe('ok');
    });

    it('on PostgreSQL, lets transactions overlap on pooled connections', async () => {
      const log: string[] = [];
      const sut = new TransactionRunner(dataSourceOf('postgres', log));

      await Promise.all([
        sut.run(async () => {
          log.push('first');
          await tick();
        }),
        sut.run(async () => {
          log.push('second');
          await tick();
        }),
      ]);

      expect(log.slice(0, 4)).toEqual(['begin', 'first', 'begin', 'second']);
    });
  });

  describe('snapshot', () => {
    it('on PostgreSQL, reads in one repeatable-read transaction', async () => {
      const log: string[] = [];
      const sut = new TransactionRunner(dataSourceOf('postgres', log));

      await expect(sut.snapshot(() => Promise.resolve(7))).resolves.toBe(7);

      expect(log).toEqual(['begin REPEATABLE READ', 'end']);
    });

    it('on SQLite, queues behind the writers like any transaction', async () => {
      const log: string[] = [];
      const sut = new TransactionRunner(dataSourceOf('better-sqlite3', log));

      await Promise.all([
        sut.run(async () => {
          log.push('write');
          await tick();
        }),
        sut.snapshot(() => {
          log.push('read');
          return Promise.resolve();
        }),
      ]);

      expect(log).toEqual(['begin', 'write', 'end', 'begin', 'read', 'end']);
    });
  });
});
