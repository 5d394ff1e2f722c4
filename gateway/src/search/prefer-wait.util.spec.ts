import { parseWaitPreference } from './prefer-wait.util';

describe('parseWaitPreference', () => {
  it('uses the default without a Prefer header', () => {
    expect(parseWaitPreference(undefined, 2000)).toEqual({ waitMs: 2000, applied: null });
  });

  it.each([
    ['wait=5', 5000, 'wait=5'],
    ['wait=0', 0, 'wait=0'],
    ['WAIT = 7', 7000, 'wait=7'],
    ['respond-async, wait=3', 3000, 'wait=3'],
    ['wait=120', 30_000, 'wait=30'],
    ['return=minimal; foo=bar, wait="4"', 4000, 'wait=4'],
  ])('honours %s', (header, waitMs, applied) => {
    expect(parseWaitPreference(header, 2000)).toEqual({ waitMs, applied });
  });

  it('reads preferences spread over several headers', () => {
    expect(parseWaitPreference(['return=minimal', 'wait=1'], 2000)).toEqual({ waitMs: 1000, applied: 'wait=1' });
  });

  it('answers at once for respond-async alone', () => {
    expect(parseWaitPreference('respond-async', 2000)).toEqual({ waitMs: 0, applied: 'respond-async' });
  });

  it.each(['wait=-1', 'wait=abc', 'wait=', 'wait=1.5'])('ignores the malformed %s', (header) => {
    expect(parseWaitPreference(header, 2000)).toEqual({ waitMs: 2000, applied: null });
  });
});
