import { TransactionRunner } from '@gateway/database/transaction-runner';
import { OutboxCommitSubscriber } from '@gateway/outbox/outbox-commit.subscriber';
import { OutboxEvent } from '@gateway/outbox/outbox-event.entity';
import type { OutboxRelayService } from '@gateway/outbox/outbox-relay.service';
import { OutboxRepository } from '@gateway/outbox/outbox.repository';
import { openTestDatabase, TestDatabase } from './support/test-database';

describe('the relay is woken when outbox events commit, on the real database', () => {
  let database: TestDatabase;
  let outbox: OutboxRepository;
  let transactions: TransactionRunner;
  const wake = jest.fn();

  beforeAll(async () => {
    database = await openTestDatabase([OutboxEvent]);
    outbox = new OutboxRepository(database.dataSource.getRepository(OutboxEvent));
    transactions = new TransactionRunner(database.dataSource);
    new OutboxCommitSubscriber(database.dataSource, { wake } as unknown as OutboxRelayService);
  });

  afterAll(async () => {
    await database.close();
  });

  beforeEach(() => wake.mockClear());

  const event = (videoId: number) => ({ type: 'upsert' as const, ownerId: 1, videoId, version: 1, payload: {} });

  it('wakes it once the transaction has committed, not while it is open', async () => {
    await transactions.run(async (manager) => {
      await outbox.append(manager, event(1));
      await outbox.append(manager, event(2));
      expect(wake).not.toHaveBeenCalled();
    });

    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('does not wake it for a transaction that rolled back, nor for one that appended nothing', async () => {
    await expect(
      transactions.run(async (manager) => {
        await outbox.append(manager, event(3));
        throw new Error('the video change failed');
      }),
    ).rejects.toThrow('the video change failed');
    await transactions.run((manager) => manager.query('SELECT 1'));

    expect(wake).not.toHaveBeenCalled();
  });
});
