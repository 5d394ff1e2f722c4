import { checkRows } from './row-checks';

describe('checkRows', () => {
  it('keeps good rows as DTOs with trimmed tags and words each refusal as a single create would', () => {
    const checked = checkRows([
      { row: 1, value: { title: 'Sourdough', tags: [' bread ', 'baking'], duration: 60 } },
      { row: 2, value: { title: '   ' } },
      { row: 3, value: { title: 'Pasta', duration: -1 } },
      { row: 4, value: { title: 'Extra', colour: 'red' } },
    ]);
    expect(checked.good).toEqual([
      { row: 1, dto: expect.objectContaining({ title: 'Sourdough', tags: ['bread', 'baking'] }) },
    ]);
    expect(checked.errors).toEqual([
      { row: 2, message: 'title must not be blank' },
      { row: 3, message: 'duration must not be negative' },
      { row: 4, message: expect.stringContaining('colour') },
    ]);
  });
});
