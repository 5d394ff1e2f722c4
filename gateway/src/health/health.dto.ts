import { ApiProperty } from '@nestjs/swagger';

export interface DependencyHealth {
  status: 'up' | 'down';
  required: boolean;
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['healthy', 'unhealthy'], example: 'healthy' })
  status: 'healthy' | 'unhealthy';

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['up', 'down'] }, required: { type: 'boolean' } },
    },
    example: { database: { status: 'up', required: true }, search_service: { status: 'up', required: false } },
  })
  checks: Record<string, DependencyHealth & Record<string, unknown>>;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  timestamp: string;
}
