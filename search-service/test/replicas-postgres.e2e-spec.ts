import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { JobEventRecorder } from './support/job-events';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

jest.setTimeout(90000);

const JOBS = 30;

interface Job {
  id: string;
  status: JobStatus;
  attempts: number;
  results: Array<{ videoId: number }>;
}

/** Two replicas share one PostgreSQL database: every job must run exactly once, whichever replica accepted it. */
describe('two replicas on PostgreSQL', () => {
  const previous = process.env.TEST_DATABASE;
  const dataDir = mkdtempSync(join(tmpdir(), 'search-replicas-'));
  const replicas: RunningSearchService[] = [];
  const clients: SearchServiceClients[] = [];

  beforeAll(async () => {
    process.env.TEST_DATABASE = 'postgres';
    // Started together, so they also race through the migrations.
    replicas.push(
      ...(await Promise.all(
        [0, 1].map(() =>
          startSearchService({
            dataDir,
            env: { WORKER_CONCURRENCY: '3', JOB_POLL_INTERVAL_MS: '100', INDEX_SYNC_INTERVAL_MS: '200' },
          }),
        ),
      )),
    );
    clients.push(...replicas.map((replica) => createClients(replica.url)));
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all(replicas.map((replica) => replica.stop()));
    await removeSearchServiceData(dataDir);
    process.env.TEST_DATABASE = previous;
  });

  it('runs every job exactly once and tells every replica’s watchers', async () => {
    const token = replicas[0].token;
    const watchers = clients.map((client) => new JobEventRecorder(client.search, { ownerId: 0 }, token));
    await new Promise((wait) => setTimeout(wait, 300));
    const submitted = await Promise.all(
      Array.from({ length: JOBS }, (_, index) =>
        unary<Job>(
          clients[index % 2].search,
          'submitSearch',
          { ownerId: 1, query: `query ${index}` },
          tokenMetadata(token),
        ),
      ),
    );
    const finals = await Promise.all(
      submitted.map(async (job, index) => {
        for (let tries = 0; tries < 200; tries += 1) {
          const current = await unary<Job>(
            clients[(index + 1) % 2].search,
            'getJob',
            { jobId: job.id, ownerId: 1, omitResults: true },
            tokenMetadata(token),
          );
          if (current.status === JobStatus.JOB_STATUS_COMPLETED) {
            return current;
          }
          await new Promise((wait) => setTimeout(wait, 100));
        }
        throw new Error(`job ${job.id} did not complete`);
      }),
    );
    expect(finals.every((job) => job.attempts === 1)).toBe(true);

    // Each watcher sees every job's single run, whichever replica ran it (events travel through PostgreSQL).
    const ids = submitted.map((job) => job.id).sort();
    for (const watcher of watchers) {
      for (const id of ids) {
        await watcher.next((event) => event.jobId === id && event.status === JobStatus.JOB_STATUS_COMPLETED);
      }
      const processing = watcher.events
        .filter((event) => event.status === JobStatus.JOB_STATUS_PROCESSING)
        .map((event) => event.jobId);
      expect(processing.sort()).toEqual(ids);
    }
    watchers.forEach((watcher) => watcher.cancel());
  });

  it('lets a replica read at once, and list, a job the other replica answered in one call', async () => {
    const token = tokenMetadata(replicas[0].token);
    const answered = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        unary<{ job: Job }>(
          clients[0].search,
          'search',
          { search: { ownerId: 12, query: `one call ${index}` }, waitMs: 2000 },
          token,
        ),
      ),
    );
    for (const { job } of answered) {
      expect(job.status).toBe(JobStatus.JOB_STATUS_COMPLETED);
      await expect(
        unary<Job>(clients[1].search, 'getJob', { jobId: job.id, ownerId: 12 }, token),
      ).resolves.toMatchObject({ id: job.id, status: JobStatus.JOB_STATUS_COMPLETED, attempts: 1 });
    }
    const page = await unary<{ total: number }>(clients[1].search, 'listJobs', { ownerId: 12 }, token);
    expect(page.total).toBe(5);
  });

  it('lets each replica search videos indexed through the other', async () => {
    const token = tokenMetadata(replicas[0].token);
    const videos = [
      { ownerId: 8, videoId: 1, version: 1, title: 'Aurora timelapse', description: '', tags: [], duration: 30 },
    ];
    await unary(clients[0].index, 'upsertVideos', { videos }, token);
    let found: number[] = [];
    for (let tries = 0; tries < 50 && found.length === 0; tries += 1) {
      const job = await unary<Job>(clients[1].search, 'submitSearch', { ownerId: 8, query: 'aurora' }, token);
      let current = job;
      while (current.status !== JobStatus.JOB_STATUS_COMPLETED) {
        await new Promise((wait) => setTimeout(wait, 50));
        current = await unary<Job>(clients[1].search, 'getJob', { jobId: job.id, ownerId: 8 }, token);
      }
      found = current.results.map((result) => result.videoId);
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(found).toEqual([1]);
  });

  it('applies settings saved through one replica to the very next search on the other', async () => {
    const token = tokenMetadata(replicas[0].token);
    const search = async (query: string) =>
      (
        await unary<{ job: Job }>(clients[1].search, 'search', { search: { ownerId: 9, query }, waitMs: 2000 }, token)
      ).job.results.map((result) => result.videoId);
    const videos = [{ ownerId: 9, videoId: 1, version: 1, title: 'Car wash', description: '', tags: [], duration: 30 }];
    await unary(clients[0].index, 'upsertVideos', { videos }, token);
    for (let tries = 0; tries < 50 && (await search('car')).length === 0; tries += 1) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(await search('automobile')).toEqual([]);
    await unary(
      clients[0].settings,
      'updateSearchSettings',
      { ownerId: 9, settings: { synonyms: { automobile: { words: ['car'] } } } },
      token,
    );
    expect(await search('automobile')).toEqual([1]);
    await expect(unary(clients[1].settings, 'getSearchSettings', { ownerId: 9 }, token)).resolves.toMatchObject({
      synonyms: { automobile: { words: ['car'] } },
    });
  });
});
