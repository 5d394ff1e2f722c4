import type { SearchEngine } from '@search/engine/search-engine';
import type { EntityManager } from 'typeorm';
import { AppliedRows } from './applied-rows';
import type { DocumentEntity } from './document.entity';
import type { DocumentsRepository } from './documents.repository';
import { IndexingService } from './indexing.service';
import { WriteSerializer } from './write-serializer';

function row(videoId: number, overrides: Partial<DocumentEntity> = {}): DocumentEntity {
  return {
    ownerId: 4,
    videoId,
    version: 1,
    title: `video ${videoId}`,
    description: '',
    tags: [],
    duration: 5,
    deleted: false,
    reindexId: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('IndexingService', () => {
  const manager = {} as EntityManager;
  let documents: jest.Mocked<
    Pick<
      DocumentsRepository,
      'transaction' | 'findHeld' | 'save' | 'reindexStartedAt' | 'findNotReindexed' | 'lastUpdatedAt'
    >
  > & { isShared: boolean };
  let engine: jest.Mocked<Pick<SearchEngine, 'upsert' | 'remove' | 'stats'>>;
  let applied: AppliedRows;
  let sut: IndexingService;

  beforeEach(() => {
    applied = new AppliedRows();
    documents = {
      isShared: false,
      transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) as never,
      findHeld: jest.fn().mockResolvedValue(new Map()),
      save: jest.fn().mockResolvedValue(undefined),
      reindexStartedAt: jest.fn().mockResolvedValue('2026-11-26T09:00:00.000Z'),
      findNotReindexed: jest.fn().mockResolvedValue([]),
      lastUpdatedAt: jest.fn().mockResolvedValue(null),
    };
    engine = { upsert: jest.fn(), remove: jest.fn(), stats: jest.fn() };
    sut = new IndexingService(
      documents as unknown as DocumentsRepository,
      engine as unknown as SearchEngine,
      new WriteSerializer(),
      applied,
    );
  });

  describe('apply', () => {
    it('persists the batch before the engine sees it', async () => {
      const order: string[] = [];
      documents.save.mockImplementation(() => {
        order.push('save');
        return Promise.resolve();
      });
      engine.upsert.mockImplementation(() => order.push('engine'));
      await sut.apply([{ kind: 'upsert', document: { ...row(1), version: 2 } }]);
      expect(order).toEqual(['save', 'engine']);
    });

    it('leaves the engine alone when the transaction fails', async () => {
      documents.save.mockRejectedValue(new Error('disk full'));
      await expect(sut.apply([{ kind: 'upsert', document: { ...row(1), version: 2 } }])).rejects.toThrow('disk full');
      expect(engine.upsert).not.toHaveBeenCalled();
    });
  });

  describe('on a shared database', () => {
    const change = { kind: 'upsert' as const, document: { ...row(1), version: 2 } };

    it('notes the rows it wrote, so the follower does not apply them a second time', async () => {
      documents.isShared = true;
      await sut.apply([change]);
      const [written] = documents.save.mock.calls[0][1];
      expect(applied.isApplied(written)).toBe(true);
    });

    it('notes nothing on a file database, which has no follower', async () => {
      await sut.apply([change]);
      const [written] = documents.save.mock.calls[0][1];
      expect(applied.isApplied(written)).toBe(false);
    });
  });

  describe('reindex', () => {
    it('on the last batch, tombstones the owner’s documents the reindex did not send', async () => {
      documents.findNotReindexed.mockResolvedValue([row(2), row(3)]);
      const ack = await sut.reindex({
        ownerId: 4,
        reindexId: 'r1',
        changes: [{ kind: 'upsert', document: { ...row(1), version: 1 } }],
        lastBatch: true,
      });
      expect(documents.findNotReindexed).toHaveBeenCalledWith(manager, 4, 'r1', '2026-11-26T09:00:00.000Z');
      expect(documents.save).toHaveBeenLastCalledWith(manager, [
        expect.objectContaining({ videoId: 2, deleted: true, version: 1 }),
        expect.objectContaining({ videoId: 3, deleted: true, version: 1 }),
      ]);
      expect(engine.remove).toHaveBeenCalledWith(4, [2, 3]);
      expect(ack).toEqual({ applied: 3, skipped: 0 });
    });

    it('removes nothing before the last batch', async () => {
      await sut.reindex({ ownerId: 4, reindexId: 'r1', changes: [], lastBatch: false });
      expect(documents.findNotReindexed).not.toHaveBeenCalled();
      expect(engine.remove).not.toHaveBeenCalled();
    });

    it('refuses a video of another owner', () => {
      expect(() =>
        sut.reindex({
          ownerId: 4,
          reindexId: 'r1',
          changes: [{ kind: 'upsert', document: { ...row(1), ownerId: 5, version: 1 } }],
          lastBatch: true,
        }),
      ).toThrow('every video of a reindex must belong to its owner_id');
    });
  });
});
