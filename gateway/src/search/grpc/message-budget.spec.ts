import { chunkByBudget, documentBytes } from './message-budget';

describe('chunkByBudget', () => {
  const size = (n: number) => n;

  it('keeps the order and caps the count per chunk', () => {
    expect(chunkByBudget([1, 1, 1, 1, 1], 2, 100, size)).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('starts a new chunk before the byte budget is exceeded', () => {
    expect(chunkByBudget([40, 40, 40, 10], 10, 100, size)).toEqual([
      [40, 40],
      [40, 10],
    ]);
  });

  it('gives an item larger than the budget a chunk of its own rather than dropping it', () => {
    expect(chunkByBudget([10, 500, 10], 10, 100, size)).toEqual([[10], [500], [10]]);
  });

  it('returns nothing for nothing', () => {
    expect(chunkByBudget([], 10, 100, size)).toEqual([]);
  });
});

describe('documentBytes', () => {
  it('counts multi-byte characters as UTF-8 does', () => {
    const ascii = documentBytes({ title: 'aaaa', description: '', tags: [] });
    const accented = documentBytes({ title: 'éééé', description: '', tags: [] });
    expect(accented - ascii).toBe(4);
  });

  it("counts the captions' text and each cue's times", () => {
    const bare = documentBytes({ title: 'a', description: '', tags: [] });
    const captioned = documentBytes({
      title: 'a',
      description: '',
      tags: [],
      captions: [{ text: 'hello' }, { text: 'é' }],
    });
    expect(captioned - bare).toBe(5 + 2 + 2 * 16);
  });
});
