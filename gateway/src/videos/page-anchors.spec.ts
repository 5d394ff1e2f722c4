import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { ANCHOR_SPACING, PageAnchors } from './page-anchors';
import { VideoCountsRepository } from './video-counts.repository';
import { SortPosition, VideosRepository } from './videos.repository';

const manager = {} as EntityManager;

/** Anchors for a list of `total` videos whose video at ascending position p has id p + 1. */
function anchorsOf(total: number): SortPosition[] {
  return Array.from({ length: Math.floor(total / ANCHOR_SPACING) }, (_, i) => {
    const position = (i + 1) * ANCHOR_SPACING - 1;
    return { key: position * 10, id: position + 1 };
  });
}

describe(PageAnchors.name, () => {
  let sut: PageAnchors;
  let videos: { positionsEvery: jest.Mock };
  let counts: { state: jest.Mock };
  let transactions: { run: jest.Mock };

  beforeEach(() => {
    videos = { positionsEvery: jest.fn().mockResolvedValue(anchorsOf(1000)) };
    counts = { state: jest.fn().mockResolvedValue({ total: 1000, revision: 3 }) };
    transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
    sut = new PageAnchors(
      videos as unknown as VideosRepository,
      counts as unknown as VideoCountsRepository,
      transactions as unknown as TransactionRunner,
    );
  });

  it('starts from the list start, skipping the position, before the first anchor', async () => {
    expect(await sut.seek(7, 'duration', 3, 42)).toEqual({ after: undefined, skip: 42 });
  });

  it('starts right after the nearest anchor at or before the position', async () => {
    expect(await sut.seek(7, 'duration', 3, 550)).toEqual({ after: { key: 4990, id: 500 }, skip: 50 });
    expect(await sut.seek(7, 'duration', 3, 600)).toEqual({ after: { key: 5990, id: 600 }, skip: 0 });
  });

  it('reads the anchors once, in a transaction, between two reads of the revision', async () => {
    await sut.seek(7, 'title', 3, 500);
    await sut.seek(7, 'title', 3, 900);

    expect(transactions.run).toHaveBeenCalledTimes(1);
    expect(videos.positionsEvery).toHaveBeenCalledTimes(1);
    expect(videos.positionsEvery).toHaveBeenCalledWith(manager, 7, 'title', ANCHOR_SPACING);
    expect(counts.state).toHaveBeenCalledTimes(2);
    expect(counts.state).toHaveBeenCalledWith(7, manager);
  });

  it('shares one read between concurrent seeks of the same list', async () => {
    await Promise.all([sut.seek(7, 'title', 3, 500), sut.seek(7, 'title', 3, 700)]);

    expect(videos.positionsEvery).toHaveBeenCalledTimes(1);
  });

  it('keeps separate anchors per owner and sort', async () => {
    await sut.seek(7, 'title', 3, 500);
    await sut.seek(7, 'duration', 3, 500);
    await sut.seek(8, 'title', 3, 500);

    expect(videos.positionsEvery).toHaveBeenCalledTimes(3);
  });

  it('reads the anchors again once a write has moved the revision on', async () => {
    await sut.seek(7, 'title', 3, 500);
    counts.state.mockResolvedValue({ total: 1000, revision: 4 });

    expect(await sut.seek(7, 'title', 4, 500)).toEqual({ after: { key: 4990, id: 500 }, skip: 0 });
    expect(videos.positionsEvery).toHaveBeenCalledTimes(2);
  });

  it('gives no start when the list changed while its anchors were read', async () => {
    counts.state
      .mockResolvedValueOnce({ total: 1000, revision: 3 })
      .mockResolvedValueOnce({ total: 1001, revision: 4 });

    expect(await sut.seek(7, 'title', 3, 500)).toBeNull();
  });

  it('gives no start when the anchors are of another revision than the caller read', async () => {
    counts.state.mockResolvedValue({ total: 1001, revision: 4 });

    expect(await sut.seek(7, 'title', 3, 500)).toBeNull();
  });
});
