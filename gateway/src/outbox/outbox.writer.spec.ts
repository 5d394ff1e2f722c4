import { EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';
import { OutboxWriter } from './outbox.writer';

const manager = {} as EntityManager;

describe(OutboxWriter.name, () => {
  let sut: OutboxWriter;
  let repository: jest.Mocked<Pick<OutboxRepository, 'append'>>;

  beforeEach(() => {
    repository = { append: jest.fn().mockResolvedValue(undefined) };
    sut = new OutboxWriter(repository as unknown as OutboxRepository);
  });

  describe('videoUpserted', () => {
    it('appends an upsert carrying the indexable document, through the given transaction', async () => {
      await sut.videoUpserted(manager, {
        id: 5,
        ownerId: 7,
        version: 3,
        title: 'Intro',
        description: 'desc',
        tags: ['a'],
        duration: 60,
        createdAt: new Date('2026-11-26T10:00:00Z'),
        updatedAt: new Date('2026-11-26T11:00:00Z'),
      });

      expect(repository.append).toHaveBeenCalledWith(manager, {
        type: 'upsert',
        ownerId: 7,
        videoId: 5,
        version: 3,
        payload: {
          title: 'Intro',
          description: 'desc',
          tags: ['a'],
          duration: 60,
          created_at: '2026-11-26T10:00:00.000Z',
          updated_at: '2026-11-26T11:00:00.000Z',
        },
      });
    });
  });

  it("carries the video's captions and their language", async () => {
    const video = {
      id: 5,
      ownerId: 7,
      version: 4,
      title: 'Intro',
      description: '',
      tags: [],
      duration: 60,
      createdAt: new Date('2026-11-26T10:00:00Z'),
      updatedAt: new Date('2026-11-26T11:00:00Z'),
    };
    await sut.videoUpserted(manager, video, { language: 'en', cues: [{ startMs: 1000, endMs: 2500, text: 'Hi' }] });

    expect(repository.append).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({
        version: 4,
        payload: expect.objectContaining({
          captions: [{ start_ms: 1000, end_ms: 2500, text: 'Hi' }],
          captions_language: 'en',
        }),
      }),
    );
  });

  describe('videoDeleted', () => {
    it('appends a delete with the given version', async () => {
      await sut.videoDeleted(manager, { id: 5, ownerId: 7 }, 4);

      expect(repository.append).toHaveBeenCalledWith(manager, {
        type: 'delete',
        ownerId: 7,
        videoId: 5,
        version: 4,
        payload: {},
      });
    });
  });
});
