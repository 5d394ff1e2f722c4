import type { Metadata } from '@grpc/grpc-js';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, type SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

interface Job {
  id: string;
  status: JobStatus;
  results: Array<{ videoId: number }>;
}

jest.setTimeout(60000);

describe('crash recovery (built process, SIGKILL)', () => {
  let restarted: RunningSearchService | undefined;

  afterAll(async () => {
    await restarted?.stop();
    if (restarted) {
      await removeSearchServiceData(restarted.dataDir);
    }
  });

  it('completes a job accepted before a crash, over documents that survived it', async () => {
    const first = await startSearchService({ env: { WORKER_CONCURRENCY: '0' } });
    const before = createClients(first.url);
    const metadata = tokenMetadata(first.token);
    await unary(
      before.index,
      'upsertVideos',
      {
        videos: [
          {
            ownerId: 5,
            videoId: 11,
            version: 1,
            title: 'Volcano documentary',
            description: '',
            tags: [],
            duration: 60,
          },
          { ownerId: 5, videoId: 12, version: 1, title: 'Baking bread', description: '', tags: [], duration: 60 },
        ],
      },
      metadata,
    );
    const accepted = await unary<Job>(before.search, 'submitSearch', { ownerId: 5, query: 'volcano' }, metadata);
    expect(accepted.status).toBe(JobStatus.JOB_STATUS_QUEUED);
    before.close();
    await first.kill();

    restarted = await startSearchService({ dataDir: first.dataDir });
    const after = createClients(restarted.url);
    try {
      expect(restarted.output()).toMatch(/Loaded 2 documents into the search engine in \d+ ms/);
      let job = await unary<Job>(after.search, 'getJob', { jobId: accepted.id, ownerId: 5 }, metadata);
      for (let tries = 0; job.status !== JobStatus.JOB_STATUS_COMPLETED && tries < 100; tries += 1) {
        await new Promise((wait) => setTimeout(wait, 100));
        job = await unary<Job>(after.search, 'getJob', { jobId: accepted.id, ownerId: 5 }, metadata);
      }
      expect(job.status).toBe(JobStatus.JOB_STATUS_COMPLETED);
      expect(job.results.map((result) => result.videoId)).toEqual([11]);
      await expect(unary(after.index, 'getIndexStats', { ownerId: 5 }, metadata)).resolves.toMatchObject({
        documents: 2,
      });
    } finally {
      after.close();
    }
  });
});

const OWNER = 6;

function doc(videoId: number, title: string, version = 1): object {
  return { ownerId: OWNER, videoId, version, title, description: '', tags: [], duration: 60 };
}

/** Submits a search and waits for its result: the ids of the videos found. */
async function searchIds(clients: SearchServiceClients, metadata: Metadata, query: string): Promise<number[]> {
  const accepted = await unary<Job>(clients.search, 'submitSearch', { ownerId: OWNER, query }, metadata);
  let job = accepted;
  for (let tries = 0; job.status !== JobStatus.JOB_STATUS_COMPLETED && tries < 100; tries += 1) {
    await new Promise((wait) => setTimeout(wait, 50));
    job = await unary<Job>(clients.search, 'getJob', { jobId: accepted.id, ownerId: OWNER }, metadata);
  }
  expect(job.status).toBe(JobStatus.JOB_STATUS_COMPLETED);
  return job.results.map((result) => result.videoId);
}

const snapshotsWritten = (service: RunningSearchService): number =>
  service.output().match(/Wrote the index snapshot/g)?.length ?? 0;

async function untilSnapshotWritten(service: RunningSearchService, count: number): Promise<void> {
  for (let tries = 0; snapshotsWritten(service) < count && tries < 100; tries += 1) {
    await new Promise((wait) => setTimeout(wait, 50));
  }
  expect(snapshotsWritten(service)).toBeGreaterThanOrEqual(count);
}

describe('restart from the index snapshot (built process)', () => {
  const env = { INDEX_SNAPSHOT_INTERVAL_MS: '300' };
  const services: RunningSearchService[] = [];

  afterAll(async () => {
    for (const service of services) {
      await service.stop();
    }
    if (services.length > 0) {
      await removeSearchServiceData(services[0].dataDir);
    }
  });

  async function start(dataDir?: string): Promise<{ service: RunningSearchService; clients: SearchServiceClients }> {
    const service = await startSearchService({ dataDir, env });
    services.push(service);
    return { service, clients: createClients(service.url) };
  }

  it('restores the snapshot on a graceful restart and replays what changed after it on a crash restart', async () => {
    const first = await start();
    const metadata = tokenMetadata(first.service.token);
    const call = (clients: SearchServiceClients, method: string, request: object): Promise<unknown> =>
      unary(clients.index, method, request, metadata);

    expect(first.service.output()).toMatch(/No index snapshot at .*search-index\.snapshot/);
    await call(first.clients, 'upsertVideos', {
      videos: [doc(21, 'Volcano documentary'), doc(22, 'Baking bread'), doc(23, 'Glacier expedition')],
    });
    await untilSnapshotWritten(first.service, 1);
    await call(first.clients, 'upsertVideos', { videos: [doc(24, 'Canyon hiking guide')] });
    await call(first.clients, 'deleteVideos', { videos: [{ ownerId: OWNER, videoId: 22, version: 2 }] });
    first.clients.close();
    await first.service.stop();
    expect(snapshotsWritten(first.service)).toBeGreaterThanOrEqual(2);

    const second = await start(first.service.dataDir);
    try {
      expect(second.service.output()).toMatch(
        /Restored 3 documents from the index snapshot and replayed \d+ changes since \S+ in \d+ ms/,
      );
      expect(second.service.output()).not.toMatch(/full load/);
      await expect(searchIds(second.clients, metadata, 'volcano')).resolves.toEqual([21]);
      await expect(searchIds(second.clients, metadata, 'canyon hiking')).resolves.toEqual([24]);
      await expect(searchIds(second.clients, metadata, 'baking bread')).resolves.toEqual([]);

      const written = snapshotsWritten(second.service);
      await call(second.clients, 'upsertVideos', { videos: [doc(25, 'Desert safari')] });
      await untilSnapshotWritten(second.service, written + 1);
      await call(second.clients, 'upsertVideos', { videos: [doc(26, 'Coral reef diving')] });
      await call(second.clients, 'deleteVideos', { videos: [{ ownerId: OWNER, videoId: 21, version: 2 }] });
    } finally {
      second.clients.close();
    }
    await second.service.kill();

    const third = await start(first.service.dataDir);
    try {
      expect(third.service.output()).toMatch(
        /Restored 4 documents from the index snapshot and replayed [1-9]\d* changes since \S+ in \d+ ms/,
      );
      await expect(searchIds(third.clients, metadata, 'coral reef')).resolves.toEqual([26]);
      await expect(searchIds(third.clients, metadata, 'desert safari')).resolves.toEqual([25]);
      await expect(searchIds(third.clients, metadata, 'glacier')).resolves.toEqual([23]);
      await expect(searchIds(third.clients, metadata, 'volcano documentary')).resolves.toEqual([]);
      await expect(unary(third.clients.index, 'getIndexStats', { ownerId: OWNER }, metadata)).resolves.toMatchObject({
        documents: 4,
      });
    } finally {
      third.clients.close();
    }
  });
});
