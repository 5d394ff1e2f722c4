import { timestampLabel, toSeconds } from './caption-time';

describe('timestampLabel', () => {
  it.each([
    [0, '00:00'],
    [252_999, '04:12'],
    [3_599_000, '59:59'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
  ])('labels %d ms as %s', (ms, label) => {
    expect(timestampLabel(ms)).toBe(label);
  });
});

describe('toSeconds', () => {
  it('keeps millisecond precision', () => {
    expect(toSeconds(62_505)).toBe(62.505);
  });
});
