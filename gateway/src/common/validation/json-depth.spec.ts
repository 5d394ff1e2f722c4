import { nestsDeeperThan } from './json-depth';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) {
    value = i % 2 === 0 ? [value] : { child: value };
  }
  return value;
}

describe('nestsDeeperThan', () => {
  it('accepts scalars and values nested up to the limit', () => {
    expect(nestsDeeperThan('text', 1)).toBe(false);
    expect(nestsDeeperThan(null, 1)).toBe(false);
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 2 }], c: {} }, 3)).toBe(false);
  });

  it('finds the one branch that goes a level deeper than the limit', () => {
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan({ shallow: 1, deep: { a: { b: {} } } }, 3)).toBe(true);
  });

  it('walks a value nested far deeper than the stack would allow a recursive walk', () => {
    expect(nestsDeeperThan(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)), 32)).toBe(true);
  });
});
