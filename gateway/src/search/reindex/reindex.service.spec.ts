import { ReindexOwnerRequest, VideoDocument } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchGrpcClient } from '../grpc/search-grpc.client';
import { PinCheckRecorder } from '../pin-check.recorder';
import { OwnerVideosReader } from './owner-videos.reader';
import { ReindexService } from './reindex.service';

function document(videoId: number, description = ''): VideoDocument {
  return {
    ownerId: 3,
    videoId,
    version: 1,
    title: `video ${videoId}`,
    description,
    tags: [],
    duration: 0,
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    captions: [],
    captionsLanguage: '',
  };
}

describe(ReindexService.name, () => {
  let pages: VideoDocument[][];
  let sent: ReindexOwnerRequest[];
  let sut: ReindexService;
  let pins: { recordAfter: jest.Mock };

  beforeEach(() => {
    pages = [];
    sent = [];
    const reader = {
      pages: async function* () {
        for (const page of pages) {
          yield await Promise.resolve(page);
        }
      },
    } as unknown as OwnerVideosReader;
    const client = {
      reindexOwner: jest.fn((request: ReindexOwnerRequest) => {
        sent.push(request);
        return Promise.resolve({ applied: request.videos.length, skipped: 0 });
      }),
    } as unknown as SearchGrpcClient;
    pins = { recordAfter: jest.fn(() => Promise.resolve()) };
    sut = new ReindexService(reader, client, pins as unknown as PinCheckRecorder);
  });

  it('sends every page under one reindex id and flags only the last batch', async () => {
    pages = [[document(1), document(2)], [document(3)]];
    const result = await sut.reindex(3);
    expect(sent.map((request) => [request.videos.map((video) => video.videoId), request.lastBatch])).toEqual([
      [[1, 2], false],
      [[3], true],
    ]);
    expect(new Set(sent.map((request) => request.reindexId))).toEqual(new Set([result.reindex_id]));
    expect(sent.every((request) => request.ownerId === 3)).toBe(true);
    expect(result).toMatchObject({ videos: 3, batches: 2, applied: 3, skipped: 0 });
    expect(pins.recordAfter).toHaveBeenCalledWith(3, 'reindex');
  });

  it('still sends a last, empty batch for an empty library, so the index is emptied too', async () => {
    const result = await sut.reindex(3);
    expect(sent).toEqual([{ ownerId: 3, reindexId: result.reindex_id, videos: [], lastBatch: true }]);
    expect(result).toMatchObject({ videos: 0, batches: 1 });
  });

  it('cuts a page too large for one gRPC message', async () => {
    const long = 'x'.repeat(900_000);
    pages = [[document(1, long), document(2, long), document(3, long)]];
    await sut.reindex(3);
    expect(sent.map((request) => request.videos.length)).toEqual([2, 1]);
    expect(sent.map((request) => request.lastBatch)).toEqual([false, true]);
  });
});
