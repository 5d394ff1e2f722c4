interface Waiters<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * Shares reads of the same key between concurrent callers without ever answering one with a value read before
 * it asked: a caller arriving while a read of its key is running waits for the next read, which starts once the
 * running one ends and answers everybody who arrived meanwhile. So a client that reads after its own write always
 * sees it, and any number of concurrent callers of one key cost at most two reads at a time.
 */
export class FreshReads<K, T> {
  /** A key is here while a read of it runs; its value gathers whoever asked since that read started. */
  private readonly waiting = new Map<K, Waiters<T> | null>();

  constructor(private readonly load: (key: K) => Promise<T>) {}

  read(key: K): Promise<T> {
    if (!this.waiting.has(key)) {
      return this.start(key);
    }
    let next = this.waiting.get(key);
    if (!next) {
      next = waiters<T>();
      this.waiting.set(key, next);
    }
    return next.promise;
  }

  private start(key: K): Promise<T> {
    this.waiting.set(key, null);
    let read: Promise<T>;
    try {
      read = this.load(key);
    } catch (error) {
      read = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const settled = (): void => {
      const next = this.waiting.get(key);
      if (next) {
        this.start(key).then(next.resolve, next.reject);
      } else {
        this.waiting.delete(key);
      }
    };
    read.then(settled, settled);
    return read;
  }
}

function waiters<T>(): Waiters<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}
