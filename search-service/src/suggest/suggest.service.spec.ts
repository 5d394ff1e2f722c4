import { SearchExceptionCode } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import type { JobRecorder } from '@search/jobs/job-recorder';
import type { PastQueriesRepository } from './past-queries.repository';
import { SuggestService } from './suggest.service';

describe('SuggestService', () => {
  let engine: { suggest: jest.Mock };
  let pastQueries: { startingWith: jest.Mock };
  let recorder: { drain: jest.Mock };
  let sut: SuggestService;

  beforeEach(() => {
    engine = { suggest: jest.fn().mockReturnValue([]) };
    pastQueries = { startingWith: jest.fn().mockResolvedValue([]) };
    recorder = { drain: jest.fn().mockResolvedValue(undefined) };
    sut = new SuggestService(
      engine as unknown as SearchEngine,
      pastQueries as unknown as PastQueriesRepository,
      recorder as unknown as JobRecorder,
    );
  });

  const request = (prefix: string, limit = 0) => ({ ownerId: 1, prefix, limit });

  it('puts past queries first, then vocabulary words, without duplicates', async () => {
    pastQueries.startingWith.mockResolvedValue([{ query: 'carbonara', count: 4 }]);
    engine.suggest.mockReturnValue([
      { word: 'carbonara', documents: 3 },
      { word: 'carbs', documents: 1 },
    ]);
    await expect(sut.suggest(request('  CARB '))).resolves.toEqual({
      suggestions: [
        { text: 'carbonara', source: 'query', count: 4 },
        { text: 'carbs', source: 'vocabulary', count: 1 },
      ],
    });
    expect(engine.suggest).toHaveBeenCalledWith(1, 'carb', 10);
    expect(pastQueries.startingWith).toHaveBeenCalledWith(1, 'carb', 10);
    expect(recorder.drain.mock.invocationCallOrder[0]).toBeLessThan(
      pastQueries.startingWith.mock.invocationCallOrder[0],
    );
  });

  it('completes the last word, keeping the words typed before it', async () => {
    engine.suggest.mockReturnValue([{ word: 'carbonara', documents: 2 }]);
    const reply = await sut.suggest(request('spaghetti  carb', 5));
    expect(engine.suggest).toHaveBeenCalledWith(1, 'carb', 5);
    expect(pastQueries.startingWith).toHaveBeenCalledWith(1, 'spaghetti carb', 5);
    expect(reply.suggestions).toEqual([{ text: 'spaghetti carbonara', source: 'vocabulary', count: 2 }]);
  });

  it('stops at the limit', async () => {
    pastQueries.startingWith.mockResolvedValue([
      { query: 'a1', count: 2 },
      { query: 'a2', count: 1 },
    ]);
    engine.suggest.mockReturnValue([{ word: 'a3', documents: 9 }]);
    await expect(sut.suggest(request('a', 2))).resolves.toEqual({
      suggestions: [expect.objectContaining({ text: 'a1' }), expect.objectContaining({ text: 'a2' })],
    });
  });

  it.each([
    ['a blank prefix', request('   ')],
    ['a 101-character prefix', request('x'.repeat(101))],
    ['a limit of 21', request('carb', 21)],
    ['a missing owner', { ownerId: 0, prefix: 'carb', limit: 0 }],
  ])('refuses %s with INVALID_ARGUMENT', async (_label, invalid) => {
    await expect(sut.suggest(invalid)).rejects.toMatchObject({ code: SearchExceptionCode.InvalidArgument });
    expect(engine.suggest).not.toHaveBeenCalled();
  });
});
