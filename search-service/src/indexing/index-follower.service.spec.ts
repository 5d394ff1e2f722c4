import type { SearchEngine } from '@search/engine/search-engine';
import { AppliedRows } from './applied-rows';
import type { DocumentEntity } from './document.entity';
import type { DocumentsRepository } from './documents.repository';
import { IndexFollowerService } from './index-follower.service';
import { DocumentKey, documentKey } from './index-plan';
import { WriteSerializer } from './write-serializer';

function row(videoId: number, version: number, overrides: Partial<DocumentEntity> = {}): DocumentEntity {
  return {
    ownerId: 1,
    videoId,
    version,
    title: `video ${videoId} v${version}`,
    description: '',
    tags: [],
    duration: 1,
    createdAt: null,
    captions: null,
    captionsLanguage: null,
    deleted: false,
    reindexId: null,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('IndexFollowerService', () => {
  /** What the shared table holds; the fake repository reads its stamps and rows from it. */
  let table: DocumentEntity[];
  let documents: { isShared: boolean; stampsSince: jest.Mock; findByKeys: jest.Mock };
  let engine: { upsert: jest.Mock; remove: jest.Mock };
  let sut: IndexFollowerService;

  beforeEach(() => {
    table = [];
    documents = {
      isShared: true,
      stampsSince: jest.fn(() =>
        Promise.resolve(
          table.map(({ ownerId, videoId, version, updatedAt }) => ({ ownerId, videoId, version, updatedAt })),
        ),
      ),
      findByKeys: jest.fn((keys: DocumentKey[]) => {
        const wanted = new Set(keys.map((key) => documentKey(key.ownerId, key.videoId)));
        const found = table.filter((entry) => wanted.has(documentKey(entry.ownerId, entry.videoId)));
        return Promise.resolve(new Map(found.map((entry) => [documentKey(entry.ownerId, entry.videoId), entry])));
      }),
    };
    engine = { upsert: jest.fn(), remove: jest.fn() };
    sut = new IndexFollowerService(
      { syncIntervalMs: 1000, syncOverlapMs: 5000, snapshotIntervalMs: 0 },
      documents as unknown as DocumentsRepository,
      new WriteSerializer(),
      engine as unknown as SearchEngine,
      new AppliedRows(),
    );
  });

  afterEach(() => sut.onApplicationShutdown());

  it('applies rows other replicas wrote: live ones upserted, tombstones removed', async () => {
    table = [row(1, 1), row(2, 3, { deleted: true })];
    await expect(sut.catchUp()).resolves.toBe(2);
    expect(engine.upsert).toHaveBeenCalledWith([expect.objectContaining({ videoId: 1, title: 'video 1 v1' })]);
    expect(engine.remove).toHaveBeenCalledWith(1, [2]);
  });

  it('reads an overlap window but applies each row once, reading whole rows only for what it lacks', async () => {
    const first = row(1, 1);
    table = [first];
    await sut.catchUp();
    await expect(sut.catchUp()).resolves.toBe(0);
    expect(engine.upsert).toHaveBeenCalledTimes(1);
    expect(documents.findByKeys).toHaveBeenCalledTimes(1);

    const since = Date.parse(documents.stampsSince.mock.calls[1][0] as string);
    expect(since).toBeLessThanOrEqual(Date.parse(first.updatedAt) - 5000);

    table = [first, row(2, 2)];
    await expect(sut.catchUp()).resolves.toBe(1);
    expect(documents.findByKeys).toHaveBeenLastCalledWith([expect.objectContaining({ videoId: 2, version: 2 })]);
    expect(engine.upsert).toHaveBeenLastCalledWith([expect.objectContaining({ title: 'video 2 v2' })]);

    table = [row(1, 2), table[1]];
    await expect(sut.catchUp()).resolves.toBe(1);
    expect(engine.upsert).toHaveBeenLastCalledWith([expect.objectContaining({ title: 'video 1 v2' })]);
  });

  it('skips the rows this replica wrote itself, which the writer noted', async () => {
    const applied = new AppliedRows();
    const follower = new IndexFollowerService(
      { syncIntervalMs: 1000, syncOverlapMs: 5000, snapshotIntervalMs: 0 },
      documents as unknown as DocumentsRepository,
      new WriteSerializer(),
      engine as unknown as SearchEngine,
      applied,
    );
    const own = row(1, 1);
    applied.note([own]);
    table = [own, row(2, 1)];
    await expect(follower.catchUp()).resolves.toBe(1);
    expect(engine.upsert).toHaveBeenCalledWith([expect.objectContaining({ videoId: 2 })]);
  });

  it('does not poll on a database only this process writes', () => {
    jest.useFakeTimers();
    try {
      documents.isShared = false;
      sut.onApplicationBootstrap();
      jest.advanceTimersByTime(5000);
      expect(documents.stampsSince).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});
