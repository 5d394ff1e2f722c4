import { FreshReads } from './fresh-reads';

/** A load whose calls stay pending until the test settles them, in order. */
function controlledLoad() {
  const calls: { key: string; resolve(value: number): void; reject(error: Error): void }[] = [];
  const load = jest.fn(
    (key: string) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ key, resolve, reject });
      }),
  );
  return { load, calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(FreshReads.name, () => {
  it('starts a read at once when none of the key is running', async () => {
    const { load, calls } = controlledLoad();
    const sut = new FreshReads(load);

    const first = sut.read('a');
    calls[0].resolve(1);

    await expect(first).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers callers who arrived during a read with one read started after it, never with the older value', async () => {
    const { load, calls } = controlledLoad();
    const sut = new FreshReads(load);

    const early = sut.read('a');
    const late = [sut.read('a'), sut.read('a'), sut.read('a')];
    expect(load).toHaveBeenCalledTimes(1);

    calls[0].resolve(1);
    await expect(early).resolves.toBe(1);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    calls[1].resolve(2);

    await expect(Promise.all(late)).resolves.toEqual([2, 2, 2]);
  });

  it('reads again for a caller after every read has ended', async () => {
    const { load, calls } = controlledLoad();
    const sut = new FreshReads(load);

    const first = sut.read('a');
    calls[0].resolve(1);
    await first;
    await flush();
    const second = sut.read('a');
    calls[1].resolve(2);

    await expect(second).resolves.toBe(2);
  });

  it('keeps keys apart', async () => {
    const { load, calls } = controlledLoad();
    const sut = new FreshReads(load);

    const a = sut.read('a');
    const b = sut.read('b');
    expect(calls.map((call) => call.key)).toEqual(['a', 'b']);
    calls[1].resolve(20);
    calls[0].resolve(10);

    await expect(Promise.all([a, b])).resolves.toEqual([10, 20]);
  });

  it('passes a failed read to its callers and still serves those who waited behind it', async () => {
    const { load, calls } = controlledLoad();
    const sut = new FreshReads(load);

    const failing = sut.read('a');
    const waiting = sut.read('a');
    calls[0].reject(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await flush();
    calls[1].resolve(3);

    await expect(waiting).resolves.toBe(3);
  });

  it('turns a load that throws into a rejection without blocking the key', async () => {
    const load = jest.fn().mockImplementationOnce(() => {
      throw new Error('bad key');
    });
    load.mockResolvedValueOnce(4);
    const sut = new FreshReads<string, number>(load);

    await expect(sut.read('a')).rejects.toThrow('bad key');
    await flush();
    await expect(sut.read('a')).resolves.toBe(4);
  });
});
