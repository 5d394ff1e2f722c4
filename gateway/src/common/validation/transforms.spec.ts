import { toNumber } from './transforms';

describe('toNumber', () => {
  it.each([
    ['16', 16],
    [' 7 ', 7],
    ['-3', -3],
    ['2.5', 2.5],
    ['.5', 0.5],
  ])('reads the decimal %j as %j', (value, expected) => {
    expect(toNumber({ value })).toBe(expected);
  });

  it.each(['0x10', '0b1', '0o7', '1e3', 'Infinity', '', ' ', 'two', '1,5'])(
    'leaves %j as it is, for the number check to refuse',
    (value) => {
      expect(toNumber({ value })).toBe(value);
    },
  );

  it('leaves a value that is not a string alone', () => {
    const list = ['1', '2'];

    expect(toNumber({ value: list })).toBe(list);
    expect(toNumber({ value: 4 })).toBe(4);
  });
});
