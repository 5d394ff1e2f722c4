import { status as Status } from '@grpc/grpc-js';
import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { ResilienceOptions, SearchResiliencePolicy } from './search-resilience.policy';

const options: ResilienceOptions = {
  timeoutMs: 200,
  retryAttempts: 2,
  breakerThreshold: 3,
  breakerHalfOpenMs: 150,
  bulkheadLimit: 2,
  bulkheadQueue: 1,
};

function grpcError(code: Status): Error & { code: Status; details: string } {
  return Object.assign(new Error(`${code} ${Status[code]}`), { code, details: Status[code] });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(SearchResiliencePolicy.name, () => {
  let sut: SearchResiliencePolicy;

  beforeEach(() => {
    sut = new SearchResiliencePolicy(options);
  });

  describe('execute', () => {
    it('passes a deadline one timeout ahead and an abort signal to each attempt', async () => {
      const before = Date.now();
      const seen = await sut.execute('write', ({ deadline, signal }) =>
        Promise.resolve({ deadline, aborted: signal.aborted }),
      );
      expect(seen.deadline.getTime()).toBeGreaterThanOrEqual(before + options.timeoutMs);
      expect(seen.aborted).toBe(false);
    });

    it('retries an idempotent read after a transient failure', async () => {
      const attempt = jest
        .fn()
        .mockRejectedValueOnce(grpcError(Status.UNAVAILABLE))
        .mockRejectedValueOnce(grpcError(Status.DEADLINE_EXCEEDED))
        .mockResolvedValue('ok');
      await expect(sut.execute('read', attempt)).resolves.toBe('ok');
      expect(attempt).toHaveBeenCalledTimes(3);
    });

    it('never retries a write', async () => {
      const attempt = jest.fn().mockRejectedValue(grpcError(Status.UNAVAILABLE));
      await expect(sut.execute('write', attempt)).rejects.toMatchObject({ code: Status.UNAVAILABLE });
      expect(attempt).toHaveBeenCalledTimes(1);
    });

    it('does not retry a read the service refused on its merits', async () => {
      const attempt = jest.fn().mockRejectedValue(grpcError(Status.NOT_FOUND));
      await expect(sut.execute('read', attempt)).rejects.toMatchObject({ code: Status.NOT_FOUND });
      expect(attempt).toHaveBeenCalledTimes(1);
    });

    it('times an attempt out, aborting its signal, and retries a read within the overall budget', async () => {
      const signals: AbortSignal[] = [];
      const started = Date.now();
      const hang = ({ signal }: { signal: AbortSignal }) => {
        signals.push(signal);
        return new Promise<never>(() => undefined);
      };
      await expect(sut.execute('read', hang)).rejects.toBeInstanceOf(TaskCancelledError);
      expect(signals).toHaveLength(1 + options.retryAttempts);
      expect(signals.every((signal) => signal.aborted)).toBe(true);
      expect(Date.now() - started).toBeLessThan(3 * options.timeoutMs + 2 * 500 + 200);
    });

    it('fails a hanging write after one timeout', async () => {
      const started = Date.now();
      await expect(sut.execute('write', () => new Promise<never>(() => undefined))).rejects.toBeInstanceOf(
        TaskCancelledError,
      );
      expect(Date.now() - started).toBeLessThan(options.timeoutMs + 100);
    });

    it('extends the deadline and every timeout of a call by the time the service may hold it on purpose', async () => {
      const before = Date.now();
      const seen = await sut.execute(
        'write',
        async ({ deadline }) => {
          await sleep(options.timeoutMs + 50);
          return deadline;
        },
        300,
      );
      expect(seen.getTime()).toBeGreaterThanOrEqual(before + options.timeoutMs + 300);
    });

    it('still fails a waiting write that hangs, and counts it against the shared breaker', async () => {
      await expect(sut.execute('write', () => new Promise<never>(() => undefined), 50)).rejects.toBeInstanceOf(
        TaskCancelledError,
      );
      // The overall budget and the attempt's timeout expire together; the breaker hears of the latter.
      await sleep(20);
      expect(sut.snapshot().consecutive_failures).toBe(1);
    });

    it('rejects at once when the bulkhead and its queue are full', async () => {
      const release: Array<() => void> = [];
      const block = () => new Promise<string>((resolve) => release.push(() => resolve('done')));
      const running = [sut.execute('write', block), sut.execute('write', block), sut.execute('write', block)];
      await expect(sut.execute('write', block)).rejects.toBeInstanceOf(BulkheadRejectedError);
      expect(sut.snapshot().bulkhead).toMatchObject({ active: 2, queued: 1 });
      release.splice(0).forEach((resolve) => resolve());
      await sleep(0);
      release.splice(0).forEach((resolve) => resolve());
      await expect(Promise.all(running)).resolves.toEqual(['done', 'done', 'done']);
    });
  });

  describe('circuit breaker', () => {
    const failWrite = (code: Status) =>
      sut.execute('write', () => Promise.reject(grpcError(code))).catch(() => undefined);

    it('opens after the threshold of consecutive service failures and then fails fast', async () => {
      for (let i = 0; i < options.breakerThreshold; i++) {
        await failWrite(Status.UNAVAILABLE);
      }
      const attempt = jest.fn().mockResolvedValue('ok');
      const started = Date.now();
      await expect(sut.execute('read', attempt)).rejects.toBeInstanceOf(BrokenCircuitError);
      expect(Date.now() - started).toBeLessThan(50);
      expect(attempt).not.toHaveBeenCalled();
      expect(sut.snapshot()).toMatchObject({
        state: 'open',
        consecutive_failures: options.breakerThreshold,
        failure_threshold: options.breakerThreshold,
        last_error: 'UNAVAILABLE',
      });
      expect(sut.snapshot().last_transition_at).not.toBeNull();
      expect(sut.retryAfterSeconds()).toBe(1);
    });

    it('ignores answers that prove the service is up', async () => {
      for (let i = 0; i < options.breakerThreshold * 2; i++) {
        await failWrite(Status.NOT_FOUND);
        await failWrite(Status.INVALID_ARGUMENT);
        await failWrite(Status.FAILED_PRECONDITION);
      }
      expect(sut.snapshot()).toMatchObject({ state: 'closed', consecutive_failures: 0, last_error: null });
    });

    it('counts only consecutive failures', async () => {
      await failWrite(Status.INTERNAL);
      await failWrite(Status.UNKNOWN);
      await sut.execute('write', () => Promise.resolve('ok'));
      await failWrite(Status.RESOURCE_EXHAUSTED);
      expect(sut.snapshot()).toMatchObject({ state: 'closed', consecutive_failures: 1 });
    });

    it('lets one probe through once half-open and closes when it succeeds', async () => {
      for (let i = 0; i < options.breakerThreshold; i++) {
        await failWrite(Status.UNAVAILABLE);
      }
      await sleep(options.breakerHalfOpenMs + 20);
      let finishProbe: (value: string) => void = () => undefined;
      const probe = sut.execute('write', () => new Promise<string>((resolve) => (finishProbe = resolve)));
      expect(sut.state).toBe('half_open');
      await expect(sut.execute('write', () => Promise.resolve('second'))).rejects.toBeInstanceOf(BrokenCircuitError);
      finishProbe('probe');
      await expect(probe).resolves.toBe('probe');
      expect(sut.snapshot()).toMatchObject({ state: 'closed', consecutive_failures: 0 });
    });

    it('opens again when the half-open probe fails', async () => {
      for (let i = 0; i < options.breakerThreshold; i++) {
        await failWrite(Status.UNAVAILABLE);
      }
      await sleep(options.breakerHalfOpenMs + 20);
      await failWrite(Status.UNAVAILABLE);
      expect(sut.state).toBe('open');
    });
  });
});
