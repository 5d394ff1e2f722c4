import { Injectable } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';

export interface RegisteredHealthIndicator {
  /** Key under `checks` in the /health answer, e.g. `search_service`. */
  name: string;
  /** A required dependency that is down makes /health answer 503; an optional one only reports. */
  required: boolean;
  check: HealthIndicatorFunction;
}

/**
 * Dependencies other modules contribute to /health. A module registers its indicator once,
 * e.g. in `onModuleInit`, by injecting this registry (exported by HealthModule).
 */
@Injectable()
export class HealthIndicatorRegistry {
  private readonly indicators = new Map<string, RegisteredHealthIndicator>();

  register(indicator: RegisteredHealthIndicator): void {
    this.indicators.set(indicator.name, indicator);
  }

  all(): RegisteredHealthIndicator[] {
    return [...this.indicators.values()];
  }
}
