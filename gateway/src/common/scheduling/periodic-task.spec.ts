import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

class Sweep extends PeriodicTask {
  protected readonly logger = { log: jest.fn(), warn: jest.fn() } as unknown as Logger;
  readonly run = jest.fn<Promise<string | null>, []>();

  protected get intervalMs(): number {
    return 1000;
  }

  get log(): { log: jest.Mock; warn: jest.Mock } {
    return this.logger as unknown as { log: jest.Mock; warn: jest.Mock };
  }
}

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start and on every interval, logging what a run reports', async () => {
    const sut = new Sweep();
    sut.run.mockResolvedValue('Pruned 3 rows');

    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2000);

    expect(sut.run).toHaveBeenCalledTimes(3);
    expect(sut.log.log).toHaveBeenCalledWith('Pruned 3 rows');
    await sut.onApplicationShutdown();
  });

  it('logs a failed run and tries again at the next interval', async () => {
    const sut = new Sweep();
    sut.run.mockRejectedValueOnce(new Error('database is locked')).mockResolvedValue(null);

    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1000);

    expect(sut.log.warn).toHaveBeenCalledWith(expect.stringContaining('database is locked'));
    expect(sut.run).toHaveBeenCalledTimes(2);
    expect(sut.log.log).not.toHaveBeenCalled();
    await sut.onApplicationShutdown();
  });

  it('never starts a run while the previous one is still going', async () => {
    const sut = new Sweep();
    sut.run.mockReturnValue(new Promise(() => undefined));

    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5000);

    expect(sut.run).toHaveBeenCalledTimes(1);
  });

  it('stops running after shutdown', async () => {
    const sut = new Sweep();
    sut.run.mockResolvedValue(null);

    sut.onApplicationBootstrap();
    await sut.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5000);

    expect(sut.run).toHaveBeenCalledTimes(1);
  });
});
