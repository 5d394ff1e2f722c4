import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { HealthIndicatorRegistry, RegisteredHealthIndicator } from './health-indicator.registry';
import { HealthResponseDto } from './health.dto';

const DATABASE_TIMEOUT_MS = 2000;

/**
 * Probes run at most once per second whatever the polling rate: a flood of /health calls must not
 * become a flood of database pings and gRPC health checks.
 */
export const HEALTH_MAX_AGE_MS = 1000;

@Injectable()
export class HealthService implements OnModuleInit {
  private latest: { at: number; answer: Promise<HealthResponseDto> } | null = null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly registry: HealthIndicatorRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'database',
      required: true,
      check: () => this.database.pingCheck('database', { timeout: DATABASE_TIMEOUT_MS }),
    });
  }

  /** The latest answer while it is fresh; callers arriving during a probe share it. */
  check(): Promise<HealthResponseDto> {
    const now = Date.now();
    if (!this.latest || now - this.latest.at >= HEALTH_MAX_AGE_MS) {
      const answer = this.probe();
      this.latest = { at: now, answer };
      answer.catch(() => {
        if (this.latest?.answer === answer) {
          this.latest = null;
        }
      });
    }
    return this.latest.answer;
  }

  private async probe(): Promise<HealthResponseDto> {
    const indicators = this.registry.all();
    const details = await this.runAll(indicators.map((indicator) => guarded(indicator)));
    const checks: HealthResponseDto['checks'] = {};
    let healthy = true;
    for (const indicator of indicators) {
      const detail = details[indicator.name] ?? { status: 'down' };
      const status = detail.status === 'up' ? 'up' : 'down';
      checks[indicator.name] = { ...detail, status, required: indicator.required };
      if (indicator.required && status === 'down') {
        healthy = false;
      }
    }
    return { status: healthy ? 'healthy' : 'unhealthy', checks, timestamp: new Date().toISOString() };
  }

  /** Terminus rejects when any indicator fails; the per-indicator details are in the error either way. */
  private async runAll(checks: HealthIndicatorFunction[]): Promise<HealthIndicatorResult> {
    try {
      return (await this.health.check(checks)).details;
    } catch (error) {
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      const details = (response as { details?: HealthIndicatorResult } | undefined)?.details;
      if (details) {
        return details;
      }
      throw error;
    }
  }
}

/** An indicator that throws counts as down with its message, instead of failing the whole answer. */
function guarded(indicator: RegisteredHealthIndicator): HealthIndicatorFunction {
  return async () => {
    try {
      return await indicator.check();
    } catch (error) {
      const causes = (error as { causes?: HealthIndicatorResult }).causes;
      const message = error instanceof Error ? error.message : String(error);
      return { [indicator.name]: causes?.[indicator.name] ?? { status: 'down', message } };
    }
  };
}
