import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Housekeeping that runs at start and then every `intervalMs`, without keeping the process alive. A failed
 * run is logged and the next one tries again: housekeeping must never take the gateway down. Runs never
 * overlap, so a slow sweep on a large table cannot pile up behind itself.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected abstract get intervalMs(): number;

  /** One run; what it returns is a line for the log, or null when there is nothing to say. */
  protected abstract run(): Promise<string | null>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runSafely(), this.intervalMs);
    this.timer.unref();
    void this.runSafely();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  private runSafely(): Promise<void> {
    this.running ??= this.run()
      .then((line) => {
        if (line !== null) {
          this.logger.log(line);
        }
      })
      .catch((error: unknown) => {
        this.logger.warn(`${this.constructor.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
