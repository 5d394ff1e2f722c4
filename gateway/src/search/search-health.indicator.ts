import { HealthIndicatorRegistry } from '@gateway/health/health-indicator.registry';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { describeError } from './describe-error';
import { SearchGrpcClient } from './grpc/search-grpc.client';

const KEY = 'search_service';

/**
 * Contributes the search service to /health through the standard grpc.health.v1 Check. It is not
 * required: the gateway still serves accounts and videos while search is down, and the outbox
 * catches the index up afterwards, so restarting the gateway would not help.
 */
@Injectable()
export class SearchHealthIndicator implements OnModuleInit {
  constructor(
    private readonly registry: HealthIndicatorRegistry,
    private readonly client: SearchGrpcClient,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: KEY, required: false, check: () => this.check() });
  }

  async check(): Promise<HealthIndicatorResult> {
    try {
      const serving = await this.client.isServing();
      return { [KEY]: serving ? { status: 'up' } : { status: 'down', error: 'Search service is not serving' } };
    } catch (error) {
      return { [KEY]: { status: 'down', error: describeError(error) } };
    }
  }
}
