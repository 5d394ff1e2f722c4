import { Injectable } from '@nestjs/common';

/**
 * Runs index writes one at a time within this process, so that the order in which batches commit is also the
 * order in which they reach the in-memory engine (two overlapping batches could otherwise apply out of order).
 */
@Injectable()
export class WriteSerializer {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
