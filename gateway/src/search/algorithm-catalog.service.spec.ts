import { BadRequestException } from '@nestjs/common';
import type { ListAlgorithmsResponse } from '@proto/gen/ts/videosearch/search/v1/search';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import type { SearchGrpcClient } from './grpc/search-grpc.client';

const listing = (...names: string[]): ListAlgorithmsResponse => ({
  algorithms: names.map((name, index) => ({ name, description: name, isDefault: index === 0 })),
});

describe(AlgorithmCatalog.name, () => {
  let now: number;
  let listAlgorithms: jest.Mock<Promise<ListAlgorithmsResponse>, []>;
  let sut: AlgorithmCatalog;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    listAlgorithms = jest.fn().mockResolvedValue(listing('auto', 'text'));
    sut = new AlgorithmCatalog({ listAlgorithms } as unknown as SearchGrpcClient);
  });

  afterEach(() => jest.restoreAllMocks());

  it('fetches the list once for a burst of first requests', async () => {
    await Promise.all([sut.assertKnown('auto'), sut.assertKnown('text'), sut.list()]);
    expect(listAlgorithms).toHaveBeenCalledTimes(1);
  });

  it('keeps answering from an expired list while one refresh runs in the background', async () => {
    await sut.list();
    now += 61_000;
    let finishRefresh: (value: ListAlgorithmsResponse) => void = () => undefined;
    listAlgorithms.mockReturnValue(new Promise((resolve) => (finishRefresh = resolve)));

    await expect(Promise.all([sut.assertKnown('text'), sut.assertKnown('text')])).resolves.toBeDefined();
    expect(listAlgorithms).toHaveBeenCalledTimes(2);

    finishRefresh(listing('auto'));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(sut.assertKnown('text')).rejects.toThrow(
      new BadRequestException('Unknown algorithm "text"; valid algorithms: auto'),
    );
  });

  it('keeps the old list when a refresh fails, and tries again on a later request', async () => {
    await sut.list();
    now += 61_000;
    listAlgorithms.mockRejectedValueOnce(new Error('down'));
    await expect(sut.list()).resolves.toHaveLength(2);
    await new Promise((resolve) => setImmediate(resolve));
    await sut.list();
    expect(listAlgorithms).toHaveBeenCalledTimes(3);
  });
});
