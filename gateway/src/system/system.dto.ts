import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BulkheadStateDto {
  @ApiProperty({ description: 'Concurrent calls allowed', example: 64 })
  limit: number;

  @ApiProperty({ description: 'Calls allowed to wait for a slot', example: 256 })
  queue: number;

  @ApiProperty({ example: 3 })
  active: number;

  @ApiProperty({ example: 0 })
  queued: number;
}

export class CircuitBreakerDto {
  @ApiProperty({ enum: ['closed', 'open', 'half_open'], example: 'closed' })
  state: 'closed' | 'open' | 'half_open';

  @ApiProperty({ description: 'Service failures in a row (reset by a success)', example: 0 })
  consecutive_failures: number;

  @ApiProperty({ description: 'Consecutive failures that open the breaker', example: 5 })
  failure_threshold: number;

  @ApiProperty({ description: 'How long the breaker stays open before a probe call', example: 5000 })
  half_open_after_ms: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_transition_at: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_failure_at: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'No connection established' })
  last_error: string | null;

  @ApiProperty({ type: BulkheadStateDto })
  bulkhead: BulkheadStateDto;
}

export class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  @ApiProperty({ description: 'Round-trip time of the check, in milliseconds', example: 3 })
  latency_ms: number;

  @ApiPropertyOptional({ example: 'Search service unavailable' })
  error?: string;
}

export class IndexStatusDto {
  @ApiProperty({ description: "Indexed documents of the caller's library", example: 120 })
  documents: number;

  @ApiProperty({ description: "Distinct terms in the caller's index", example: 2310 })
  vocabulary_size: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_updated_at: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Video changes (all owners) not yet delivered to the search service; null if unknown',
    example: 0,
  })
  pending_changes: number | null;
}

export class SystemServicesDto {
  @ApiProperty({ type: DependencyStatusDto })
  database: DependencyStatusDto;

  @ApiProperty({ type: DependencyStatusDto })
  search_service: DependencyStatusDto;
}

export class SystemStatusDto {
  @ApiProperty({
    enum: ['operational', 'degraded', 'down'],
    description: 'degraded: search is unavailable but accounts and videos work; down: the database is unreachable',
    example: 'operational',
  })
  status: 'operational' | 'degraded' | 'down';

  @ApiProperty({ type: SystemServicesDto })
  services: SystemServicesDto;

  @ApiProperty({ type: CircuitBreakerDto })
  circuit_breaker: CircuitBreakerDto;

  @ApiProperty({ type: IndexStatusDto, nullable: true, description: 'null while the search service is unreachable' })
  index: IndexStatusDto | null;

  @ApiProperty({ format: 'date-time' })
  checked_at: string;
}
