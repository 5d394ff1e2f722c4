import { currentRequestScope, runInRequestScope } from '@gateway/observability/logging/request-id';
import { SearchGrpcClient } from '@gateway/search/grpc/search-grpc.client';
import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { setTimeout } from 'node:timers/promises';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelayConfig } from './outbox-relay.config';
import { OutboxRelayRepository } from './outbox-relay.repository';
import { OutboxRelayService, consecutiveRuns } from './outbox-relay.service';

let nextId = 1;

function upsert(videoId: number, version: number, title = `video ${videoId} v${version}`): OutboxEvent {
  return {
    id: nextId++,
    type: 'upsert',
    ownerId: 1,
    videoId,
    version,
    payload: JSON.stringify({
      title,
      description: 'd',
      tags: ['t'],
      duration: 60,
      created_at: '2026-11-26T10:00:00.000Z',
      updated_at: '2026-11-26T10:00:01.000Z',
    }),
    createdAt: new Date(),
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: new Date(),
    lastError: null,
  };
}

function remove(videoId: number, version: number): OutboxEvent {
  return { ...upsert(videoId, version), type: 'delete', payload: '{}' };
}

const config: OutboxRelayConfig = { batchSize: 3, pollIntervalMs: 100, maxBackoffMs: 1000, retentionMs: 86_400_000 };

describe(OutboxRelayService.name, () => {
  let sut: OutboxRelayService;
  let pending: OutboxEvent[];
  let sent: string[];
  let leaseFree: boolean;
  let relayRepository: jest.Mocked<
    Pick<OutboxRelayRepository, 'nextBatch' | 'withLease' | 'markDelivered' | 'markFailed'>
  >;
  let client: jest.Mocked<Pick<SearchGrpcClient, 'upsertVideos' | 'deleteVideos'>>;

  beforeEach(() => {
    nextId = 1;
    pending = [];
    sent = [];
    leaseFree = true;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    relayRepository = {
      nextBatch: jest.fn((limit: number, afterId = 0) =>
        Promise.resolve(pending.filter((event) => event.id > afterId).slice(0, limit)),
      ),
      withLease: jest.fn(async <T>(work: () => Promise<T>) =>
        leaseFree ? { acquired: true as const, result: await work() } : { acquired: false as const },
      ) as jest.Mocked<OutboxRelayRepository>['withLease'],
      markDelivered: jest.fn((ids: number[]) => {
        pending = pending.filter((event) => !ids.includes(event.id));
        return Promise.resolve();
      }),
      markFailed: jest.fn().mockResolvedValue(undefined),
    };
    client = {
      upsertVideos: jest.fn(({ videos }) => {
        sent.push(...videos.map((video) => `upsert ${video.videoId}@${video.version}`));
        return Promise.resolve({ applied: videos.length, skipped: 0 });
      }),
      deleteVideos: jest.fn(({ videos }) => {
        sent.push(...videos.map((video) => `delete ${video.videoId}@${video.version}`));
        return Promise.resolve({ applied: videos.length, skipped: 0 });
      }),
    };
    sut = new OutboxRelayService(
      relayRepository as unknown as OutboxRelayRepository,
      client as unknown as SearchGrpcClient,
      config,
    );
  });

  afterEach(async () => {
    jest.useRealTimers();
    await sut.beforeApplicationShutdown();
    jest.restoreAllMocks();
  });

  describe('runCycle', () => {
    it('sends batches in id order, grouping consecutive events of a type, and marks each run delivered', async () => {
      pending = [upsert(1, 1), upsert(2, 1), remove(1, 2), upsert(3, 1)];
      await expect(sut.runCycle()).resolves.toEqual({ delivered: 4, more: false });
      expect(sent).toEqual(['upsert 1@1', 'upsert 2@1', 'delete 1@2', 'upsert 3@1']);
      expect(client.upsertVideos).toHaveBeenCalledTimes(2);
      expect(relayRepository.markDelivered.mock.calls).toEqual([[[1, 2]], [[3]], [[4]]]);
      await expect(sut.runCycle()).resolves.toEqual({ delivered: 0, more: false });
    });

    it('reads the next batch of a backlog while the current one is in flight, under the same lease', async () => {
      pending = [upsert(1, 1), upsert(2, 1), upsert(3, 1), upsert(4, 1)];
      let release: () => void = () => undefined;
      client.upsertVideos.mockImplementationOnce(({ videos }) => {
        sent.push(...videos.map((video) => `upsert ${video.videoId}@${video.version}`));
        return new Promise((resolve) => (release = () => resolve({ applied: videos.length, skipped: 0 })));
      });
      const cycle = sut.runCycle();
      await new Promise((resolve) => setImmediate(resolve));
      expect(relayRepository.nextBatch.mock.calls).toEqual([[3], [3, 3]]);
      release();
      await expect(cycle).resolves.toEqual({ delivered: 4, more: false });
      expect(sent).toEqual(['upsert 1@1', 'upsert 2@1', 'upsert 3@1', 'upsert 4@1']);
      expect(relayRepository.withLease).toHaveBeenCalledTimes(1);
    });

    it('sends the whole indexed document of an upsert', async () => {
      pending = [upsert(5, 4, 'Pasta night')];
      await sut.runCycle();
      expect(client.upsertVideos).toHaveBeenCalledWith({
        videos: [
          {
            ownerId: 1,
            videoId: 5,
            version: 4,
            title: 'Pasta night',
            description: 'd',
            tags: ['t'],
            duration: 60,
            createdAt: '2026-11-26T10:00:00.000Z',
            updatedAt: '2026-11-26T10:00:01.000Z',
            captions: [],
            captionsLanguage: '',
          },
        ],
      });
    });

    it('sends the captions an upsert carries, with their language', async () => {
      const event = upsert(5, 4);
      const payload = JSON.parse(event.payload) as Record<string, unknown>;
      event.payload = JSON.stringify({
        ...payload,
        captions: [{ start_ms: 1000, end_ms: 2000, text: 'hello' }],
        captions_language: 'en',
      });
      pending = [event];
      await sut.runCycle();
      expect(client.upsertVideos).toHaveBeenCalledWith({
        videos: [
          expect.objectContaining({
            captions: [{ startMs: 1000, endMs: 2000, text: 'hello' }],
            captionsLanguage: 'en',
          }),
        ],
      });
    });

    it('records a failed call and sends it again next cycle, the call in flight beside it still marked', async () => {
      pending = [upsert(1, 1), remove(1, 2), upsert(1, 3)];
      client.deleteVideos.mockRejectedValueOnce(
        new ServiceUnavailableException({ error: 'Search service unavailable' }),
      );
      const failed = pending[1];
      await expect(sut.runCycle()).rejects.toThrow();
      expect(sent).toEqual(['upsert 1@1', 'upsert 1@3']);
      expect(relayRepository.markFailed).toHaveBeenCalledWith([failed], 'Search service unavailable');
      expect(pending).toEqual([failed]);
      // Resent after the newer upsert: the search service keeps version 3 (its highest) and skips it.
      await expect(sut.runCycle()).resolves.toEqual({ delivered: 1, more: false });
      expect(sent.at(-1)).toBe('delete 1@2');
    });

    it('fails the cycle when a delivery mark cannot be written, leaving that run to be sent again', async () => {
      pending = [upsert(1, 1), remove(1, 2)];
      relayRepository.markDelivered.mockRejectedValueOnce(new Error('database is locked'));
      await expect(sut.runCycle()).rejects.toThrow('database is locked');
      // The cycle's first call goes alone, so nothing was sent beside the run whose mark failed.
      expect(sent).toEqual(['upsert 1@1']);
      expect(pending.map((event) => event.version)).toEqual([1, 2]);
      await expect(sut.runCycle()).resolves.toEqual({ delivered: 2, more: false });
      expect(sent).toEqual(['upsert 1@1', 'upsert 1@1', 'delete 1@2']);
    });

    it('does nothing while another replica holds the lease', async () => {
      leaseFree = false;
      pending = [upsert(1, 1)];
      await expect(sut.runCycle()).resolves.toEqual({ delivered: 0, more: false });
      expect(relayRepository.nextBatch).not.toHaveBeenCalled();
    });
  });

  describe('polling', () => {
    it('delivers what appears, retries with growing backoff while the service is down, then catches up', async () => {
      jest.useFakeTimers();
      client.upsertVideos.mockRejectedValue(new Error('down'));
      pending = [upsert(1, 1)];
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(client.upsertVideos).toHaveBeenCalledTimes(1);
      // Failure 1 waits 100..200 ms, failure 2 200..400 ms: two more attempts need at least 300 ms.
      await jest.advanceTimersByTimeAsync(250);
      expect(client.upsertVideos.mock.calls.length).toBeLessThanOrEqual(2);
      await jest.advanceTimersByTimeAsync(2000);
      const attemptsWhileDown = client.upsertVideos.mock.calls.length;
      expect(attemptsWhileDown).toBeGreaterThanOrEqual(3);
      expect(attemptsWhileDown).toBeLessThanOrEqual(8);

      client.upsertVideos.mockImplementation(({ videos }) => {
        sent.push(...videos.map((video) => `upsert ${video.videoId}@${video.version}`));
        return Promise.resolve({ applied: videos.length, skipped: 0 });
      });
      await jest.advanceTimersByTimeAsync(1000);
      expect(sent).toEqual(['upsert 1@1']);
      expect(pending).toEqual([]);
    });

    it('keeps going without pause while full batches come back', async () => {
      jest.useFakeTimers();
      pending = [upsert(1, 1), upsert(2, 1), upsert(3, 1), upsert(4, 1), upsert(5, 1), upsert(6, 1), upsert(7, 1)];
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(config.pollIntervalMs - 1);
      expect(sent).toHaveLength(7);
    });
  });

  describe('wake', () => {
    it('delivers at once what was just committed instead of at the next poll', async () => {
      jest.useFakeTimers();
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      pending = [upsert(1, 1)];

      sut.wake();
      await jest.advanceTimersByTimeAsync(1);

      expect(sent).toEqual(['upsert 1@1']);
    });

    it("runs the cycles a request's commit woke outside that request's scope", async () => {
      const scopes: unknown[] = [];
      client.upsertVideos.mockImplementation(({ videos }) => {
        scopes.push(currentRequestScope());
        sent.push(...videos.map((video) => `upsert ${video.videoId}@${video.version}`));
        return Promise.resolve({ applied: videos.length, skipped: 0 });
      });
      sut.onApplicationBootstrap();
      await setTimeout(10);
      pending = [upsert(1, 1)];

      runInRequestScope({ requestId: 'req-1', upstreamMs: 0 }, () => sut.wake());
      await setTimeout(20);
      pending = [upsert(2, 1)];
      await setTimeout(config.pollIntervalMs + 20);

      expect(sent).toEqual(['upsert 1@1', 'upsert 2@1']);
      expect(scopes).toEqual([undefined, undefined]);
    });

    it('runs the next cycle right after the one a commit arrived during', async () => {
      jest.useFakeTimers();
      let release: () => void = () => undefined;
      client.upsertVideos.mockImplementationOnce(({ videos }) => {
        sent.push(...videos.map((video) => `upsert ${video.videoId}@${video.version}`));
        return new Promise((resolve) => {
          release = () => resolve({ applied: videos.length, skipped: 0 });
        });
      });
      pending = [upsert(1, 1)];
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      pending.push(upsert(2, 1));
      sut.wake();
      release();

      await jest.advanceTimersByTimeAsync(1);

      expect(sent).toEqual(['upsert 1@1', 'upsert 2@1']);
    });

    it('leaves the backoff alone while the search service fails', async () => {
      jest.useFakeTimers();
      client.upsertVideos.mockRejectedValue(new Error('down'));
      pending = [upsert(1, 1)];
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);

      sut.wake();
      await jest.advanceTimersByTimeAsync(50);

      expect(client.upsertVideos).toHaveBeenCalledTimes(1);
    });
  });

  describe('beforeApplicationShutdown', () => {
    it('drains what is pending before the process exits', async () => {
      pending = [upsert(1, 1), upsert(2, 1), upsert(3, 1), upsert(4, 1)];
      await sut.beforeApplicationShutdown();
      expect(sent).toHaveLength(4);
      expect(pending).toEqual([]);
    });
  });
});

describe('consecutiveRuns', () => {
  it('cuts a run too large for one gRPC message into several calls', () => {
    const long = 'x'.repeat(900_000);
    const events = [upsert(1, 1, long), upsert(2, 1, long), upsert(3, 1, long), upsert(4, 1)];
    expect(consecutiveRuns(events).map((run) => run.events.map((event) => event.videoId))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps the order between runs', () => {
    const events = [upsert(1, 1), upsert(2, 1), remove(1, 2), remove(2, 2), upsert(1, 3)];
    expect(consecutiveRuns(events).map((run) => [run.type, run.events.length])).toEqual([
      ['upsert', 2],
      ['delete', 2],
      ['upsert', 1],
    ]);
  });
});
