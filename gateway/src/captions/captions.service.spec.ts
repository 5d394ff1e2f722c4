import { BadRequestException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxWriter } from '../outbox/outbox.writer';
import { VideoRecord, VideosRepository } from '../videos/videos.repository';
import { CaptionsService, MAX_CUES } from './captions.service';
import { VideoCaptions, VideoCaptionsRepository } from './video-captions.repository';

const manager = {} as EntityManager;
const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\n\n01:02:03.000 --> 01:02:04.250\n<i>there</i>\n';

function makeVideo(overrides: Partial<VideoRecord> = {}): VideoRecord {
  return {
    id: 5,
    ownerId: 7,
    title: 'Intro',
    description: '',
    duration: 60,
    tags: [],
    version: 3,
    createdAt: new Date('2026-11-26T10:00:00Z'),
    updatedAt: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

function stored(overrides: Partial<VideoCaptions> = {}): VideoCaptions {
  return {
    videoId: 5,
    ownerId: 7,
    language: 'en',
    format: 'vtt',
    cues: [{ startMs: 252_000, endMs: 256_500, text: 'the starter' }],
    durationMs: 256_500,
    updatedAt: new Date('2026-12-04T22:00:00Z'),
    ...overrides,
  };
}

describe(CaptionsService.name, () => {
  let sut: CaptionsService;
  let captions: jest.Mocked<Pick<VideoCaptionsRepository, 'findOwned' | 'replace' | 'delete'>>;
  let videos: jest.Mocked<Pick<VideosRepository, 'findOwned' | 'findOwnedForUpdate' | 'update'>>;
  let outbox: jest.Mocked<Pick<OutboxWriter, 'videoUpserted'>>;
  let transactions: { run: jest.Mock };
  const bumped = makeVideo({ version: 4 });

  beforeEach(() => {
    captions = {
      findOwned: jest.fn().mockResolvedValue(null),
      replace: jest.fn().mockResolvedValue(undefined),
      delete: jest.fn().mockResolvedValue(undefined),
    };
    videos = {
      findOwned: jest.fn().mockResolvedValue(makeVideo()),
      findOwnedForUpdate: jest.fn().mockResolvedValue(makeVideo()),
      update: jest.fn().mockResolvedValue(bumped),
    };
    outbox = { videoUpserted: jest.fn().mockResolvedValue(undefined) };
    transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
    sut = new CaptionsService(
      captions as unknown as VideoCaptionsRepository,
      videos as unknown as VideosRepository,
      transactions as unknown as TransactionRunner,
      outbox as unknown as OutboxWriter,
    );
  });

  describe('replace', () => {
    it('stores the cues, bumps the video and writes its upsert with them, in one transaction', async () => {
      const summary = await sut.replace(7, 5, { content: VTT, language: 'en' });

      const expected = {
        videoId: 5,
        ownerId: 7,
        language: 'en',
        format: 'vtt',
        cues: [
          { startMs: 1000, endMs: 2500, text: 'Hello' },
          { startMs: 3_723_000, endMs: 3_724_250, text: 'there' },
        ],
        durationMs: 3_724_250,
      };
      expect(captions.replace).toHaveBeenCalledWith(manager, expect.objectContaining(expected));
      expect(videos.findOwnedForUpdate).toHaveBeenCalledWith(manager, 7, 5);
      expect(videos.update).toHaveBeenCalledWith(manager, makeVideo(), {});
      expect(outbox.videoUpserted).toHaveBeenCalledWith(manager, bumped, expect.objectContaining(expected));
      expect(transactions.run).toHaveBeenCalledTimes(1);
      expect(summary).toEqual({
        video_id: 5,
        language: 'en',
        format: 'vtt',
        cue_count: 2,
        duration: 3724.25,
        updated_at: expect.any(String),
      });
    });

    it('detects SRT when no format is given, and answers a null language when none is', async () => {
      const summary = await sut.replace(7, 5, { content: '1\n00:00:01,000 --> 00:00:02,000\nHi\n' });
      expect(summary).toMatchObject({ format: 'srt', language: null, cue_count: 1 });
    });

    it('answers 400 with the line of a broken cue, before touching the database', async () => {
      const broken = VTT.replace('01:02:04.250', '01:02:02.000');
      await expect(sut.replace(7, 5, { content: broken })).rejects.toMatchObject({
        response: { error: 'Line 6: the cue ends before it starts', line: 6 },
      });
      expect(transactions.run).not.toHaveBeenCalled();
    });

    it('refuses captions without any cue with text, and more than MAX_CUES cues', async () => {
      await expect(sut.replace(7, 5, { content: 'WEBVTT\n' })).rejects.toThrow(BadRequestException);
      const at = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 23);
      const many = Array.from({ length: MAX_CUES + 1 }, (_, index) => `${at(index)} --> ${at(index + 0.5)}\nx\n`);
      await expect(sut.replace(7, 5, { content: `WEBVTT\n\n${many.join('\n')}` })).rejects.toThrow(
        `Captions hold at most ${MAX_CUES} cues`,
      );
    });

    it("is a 404 for a video that is missing or another owner's", async () => {
      videos.findOwnedForUpdate.mockResolvedValue(null);
      await expect(sut.replace(7, 5, { content: VTT })).rejects.toThrow(new NotFoundException('Video not found'));
      expect(captions.replace).not.toHaveBeenCalled();
      expect(outbox.videoUpserted).not.toHaveBeenCalled();
    });
  });

  describe('get', () => {
    it('answers every cue in seconds with its label', async () => {
      captions.findOwned.mockResolvedValue(stored());
      const dto = await sut.get(7, 5);
      expect(dto.cues).toEqual([{ start: 252, end: 256.5, t: '04:12', text: 'the starter' }]);
      expect(dto).toMatchObject({ video_id: 5, cue_count: 1, duration: 256.5, updated_at: '2026-12-04T22:00:00.000Z' });
    });

    it('tells a video without captions from a missing video', async () => {
      await expect(sut.get(7, 5)).rejects.toThrow(new NotFoundException('Captions not found'));
      videos.findOwned.mockResolvedValue(null);
      await expect(sut.get(7, 5)).rejects.toThrow(new NotFoundException('Video not found'));
    });
  });

  describe('delete', () => {
    it('removes them and writes the upsert without captions, with the next version', async () => {
      captions.findOwned.mockResolvedValue(stored());
      await sut.delete(7, 5);
      expect(captions.delete).toHaveBeenCalledWith(manager, 7, 5);
      expect(outbox.videoUpserted).toHaveBeenCalledWith(manager, bumped, null);
    });

    it('is a 404 when the video has none', async () => {
      await expect(sut.delete(7, 5)).rejects.toThrow(new NotFoundException('Captions not found'));
      expect(videos.update).not.toHaveBeenCalled();
    });
  });
});
