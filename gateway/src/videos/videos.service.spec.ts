import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VideoCaptions, VideoCaptionsRepository } from '../captions/video-captions.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxWriter } from '../outbox/outbox.writer';
import { VideoCountsRepository } from './video-counts.repository';
import { VideoRecord, VideosRepository } from './videos.repository';
import { VideosService } from './videos.service';

const manager = {} as EntityManager;

function makeVideo(overrides: Partial<VideoRecord> = {}): VideoRecord {
  return {
    id: 5,
    ownerId: 7,
    title: 'Intro',
    description: 'desc',
    duration: 60,
    tags: ['a'],
    version: 1,
    createdAt: new Date('2026-11-26T10:00:00Z'),
    updatedAt: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

describe(VideosService.name, () => {
  let sut: VideosService;
  let videos: jest.Mocked<Pick<VideosRepository, 'findOwned' | 'findOwnedForUpdate' | 'create' | 'update' | 'delete'>>;
  let counts: jest.Mocked<Pick<VideoCountsRepository, 'recordChange'>>;
  let outbox: jest.Mocked<Pick<OutboxWriter, 'videoUpserted' | 'videoDeleted'>>;
  let transactions: { run: jest.Mock };
  let captions: jest.Mocked<Pick<VideoCaptionsRepository, 'findOwned'>>;

  beforeEach(() => {
    videos = {
      findOwned: jest.fn(),
      findOwnedForUpdate: jest.fn(),
      create: jest.fn(),
      update: jest.fn(),
      delete: jest.fn(),
    };
    counts = { recordChange: jest.fn().mockResolvedValue(undefined) };
    outbox = {
      videoUpserted: jest.fn().mockResolvedValue(undefined),
      videoDeleted: jest.fn().mockResolvedValue(undefined),
    };
    transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
    captions = { findOwned: jest.fn().mockResolvedValue(null) };
    sut = new VideosService(
      videos as unknown as VideosRepository,
      counts as unknown as VideoCountsRepository,
      transactions as unknown as TransactionRunner,
      outbox as unknown as OutboxWriter,
      captions as unknown as VideoCaptionsRepository,
    );
  });

  describe('get', () => {
    it("is a 404 when the video is not the owner's", async () => {
      videos.findOwned.mockResolvedValue(null);

      await expect(sut.get(7, 5)).rejects.toThrow(new NotFoundException('Video not found'));
      expect(videos.findOwned).toHaveBeenCalledWith(7, 5);
    });
  });

  describe('create', () => {
    it('creates with defaults and de-duplicated tags, and counts it and writes the outbox event in the same transaction', async () => {
      const created = makeVideo({ description: '', duration: 0, tags: ['x', 'y'] });
      videos.create.mockResolvedValue(created);

      await sut.create(7, { title: 'Intro', tags: ['x', 'y', 'x'] });

      expect(videos.create).toHaveBeenCalledWith(manager, {
        ownerId: 7,
        title: 'Intro',
        description: '',
        duration: 0,
        tags: ['x', 'y'],
      });
      expect(counts.recordChange).toHaveBeenCalledWith(manager, 7, { added: 1, reorders: true });
      expect(outbox.videoUpserted).toHaveBeenCalledWith(manager, created);
      expect(transactions.run).toHaveBeenCalledTimes(1);
    });
  });

  describe('update', () => {
    it('applies only what changed and records an upsert', async () => {
      const current = makeVideo();
      const updated = makeVideo({ title: 'New', version: 2 });
      videos.findOwnedForUpdate.mockResolvedValue(current);
      videos.update.mockResolvedValue(updated);

      await sut.update(7, 5, { title: 'New', description: 'desc', tags: ['a'] });

      expect(videos.findOwnedForUpdate).toHaveBeenCalledWith(manager, 7, 5);
      expect(videos.update).toHaveBeenCalledWith(manager, current, { title: 'New' });
      expect(outbox.videoUpserted).toHaveBeenCalledWith(manager, updated, null);
    });

    it("keeps the video's captions in the upserted document", async () => {
      const stored: VideoCaptions = {
        videoId: 5,
        ownerId: 7,
        language: 'en',
        format: 'vtt',
        cues: [{ startMs: 0, endMs: 1000, text: 'hello' }],
        durationMs: 1000,
        updatedAt: new Date('2026-11-26T10:00:00Z'),
      };
      const updated = makeVideo({ title: 'New', version: 2 });
      videos.findOwnedForUpdate.mockResolvedValue(makeVideo());
      videos.update.mockResolvedValue(updated);
      captions.findOwned.mockResolvedValue(stored);

      await sut.update(7, 5, { title: 'New' });

      expect(captions.findOwned).toHaveBeenCalledWith(7, 5, manager);
      expect(outbox.videoUpserted).toHaveBeenCalledWith(manager, updated, stored);
    });

    it.each([[{ title: 'New' }], [{ duration: 61 }]])(
      'records a change of the list order when %j moves the video in a sort',
      async (dto) => {
        videos.findOwnedForUpdate.mockResolvedValue(makeVideo());
        videos.update.mockResolvedValue(makeVideo({ ...dto, version: 2 }));

        await sut.update(7, 5, dto);

        expect(counts.recordChange).toHaveBeenCalledWith(manager, 7, { added: 0, reorders: true });
      },
    );

    it('records a change that leaves the list order alone when only the description or tags change', async () => {
      videos.findOwnedForUpdate.mockResolvedValue(makeVideo());
      videos.update.mockResolvedValue(makeVideo({ description: 'other', tags: ['b'], version: 2 }));

      await sut.update(7, 5, { description: 'other', tags: ['b'] });

      expect(counts.recordChange).toHaveBeenCalledWith(manager, 7, { added: 0, reorders: false });
    });

    it('replaces tags when their order or content differs', async () => {
      videos.findOwnedForUpdate.mockResolvedValue(makeVideo({ tags: ['a', 'b'] }));
      videos.update.mockResolvedValue(makeVideo({ tags: ['b', 'a'], version: 2 }));

      await sut.update(7, 5, { tags: ['b', 'a'] });

      expect(videos.update).toHaveBeenCalledWith(manager, expect.anything(), { tags: ['b', 'a'] });
    });

    it('neither writes nor emits an event when nothing changes', async () => {
      videos.findOwnedForUpdate.mockResolvedValue(makeVideo());

      const result = await sut.update(7, 5, { title: 'Intro' });

      expect(result.title).toBe('Intro');
      expect(videos.update).not.toHaveBeenCalled();
      expect(outbox.videoUpserted).not.toHaveBeenCalled();
    });

    it('is a 404 for a missing video', async () => {
      videos.findOwnedForUpdate.mockResolvedValue(null);

      await expect(sut.update(7, 5, { title: 'x' })).rejects.toThrow('Video not found');
    });
  });

  describe('delete', () => {
    it('deletes, uncounts it and records a delete event with the next version', async () => {
      const current = makeVideo({ version: 4 });
      videos.findOwned.mockResolvedValue(current);

      await sut.delete(7, 5);

      expect(videos.delete).toHaveBeenCalledWith(manager, current);
      expect(counts.recordChange).toHaveBeenCalledWith(manager, 7, { added: -1, reorders: true });
      expect(outbox.videoDeleted).toHaveBeenCalledWith(manager, current, 5);
    });

    it('is a 404 for a missing video and records nothing', async () => {
      videos.findOwned.mockResolvedValue(null);

      await expect(sut.delete(7, 5)).rejects.toThrow(NotFoundException);
      expect(counts.recordChange).not.toHaveBeenCalled();
      expect(outbox.videoDeleted).not.toHaveBeenCalled();
    });
  });
});
