import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, tokenMetadata, unary } from './support/grpc-clients';
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
