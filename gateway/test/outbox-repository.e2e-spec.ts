import { OutboxEvent } from '@gateway/outbox/outbox-event.entity';
import { OutboxRepository } from '@gateway/outbox/outbox.repository';
import { openTestDatabase, TestDatabase } from './support/test-database';

describe('OutboxRepository on the real database', () => {
  let database: TestDatabase;
  let sut: OutboxRepository;

  beforeAll(async () => {
    database = await openTestDatabase([OutboxEvent]);
    sut = new OutboxRepository(database.dataSource.getRepository(OutboxEvent));
  });

  afterAll(async () => {
    await database.close();
  });

  beforeEach(async () => {
    await database.dataSource.getRepository(OutboxEvent).clear();
  });

  const append = (videoId: number, version = 1): Promise<void> =>
    database.dataSource.transaction((manager) =>
      sut.append(manager, { type: 'upsert', ownerId: 1, videoId, version, payload: { title: `v${videoId}` } }),
    );

  it('returns pending events in id order, up to the limit, with the payload as JSON', async () => {
    await append(10);
    await append(11);
    await append(12);

    const pending = await sut.findPending(2);

    expect(pending.map((event) => event.videoId)).toEqual([10, 11]);
    expect(pending[0]).toMatchObject({ type: 'upsert', ownerId: 1, version: 1, attempts: 0, deliveredAt: null });
    expect(JSON.parse(pending[0].payload)).toEqual({ title: 'v10' });
  });

  it('does not write the event when the surrounding transaction rolls back', async () => {
    await expect(
      database.dataSource.transaction(async (manager) => {
        await sut.append(manager, { type: 'delete', ownerId: 1, videoId: 99, version: 2, payload: {} });
        throw new Error('the video change failed');
      }),
    ).rejects.toThrow('the video change failed');

    expect(await sut.countPending()).toBe(0);
  });

  it('stops returning delivered events', async () => {
    await append(20);
    await append(21);
    const [first] = await sut.findPending(10);

    await sut.markDelivered([first.id]);

    expect((await sut.findPending(10)).map((event) => event.videoId)).toEqual([21]);
    expect(await sut.countPending()).toBe(1);
  });

  it('holds a failed event back until its backoff has passed, counting attempts', async () => {
    await append(30);
    const [event] = await sut.findPending(10);
    const now = new Date();

    await sut.markFailed([event], 'search service unavailable', now);

    expect(await sut.findPending(10, now)).toEqual([]);
    const later = await sut.findPending(10, new Date(now.getTime() + 1500));
    expect(later).toEqual([
      expect.objectContaining({ id: event.id, attempts: 1, lastError: 'search service unavailable' }),
    ]);
  });
});
