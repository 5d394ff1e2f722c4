import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Production server', maxLength: 100 })
  @Transform(trim)
  @IsNotEmpty({ message: 'name is required' })
  @IsString()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    example: 120,
    nullable: true,
    description: 'Requests per minute; null uses the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rate_limit_per_minute?: number | null;

  @ApiPropertyOptional({
    example: 10000,
    nullable: true,
    description: 'Requests per UTC day; null uses the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  daily_quota?: number | null;

  @ApiPropertyOptional({
    example: 250000,
    nullable: true,
    description: 'Requests per UTC month; null uses the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  monthly_quota?: number | null;
}

class ApiKeyLimitsDto {
  @ApiProperty({ type: Number, nullable: true, example: 120 })
  rate_limit_per_minute: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 10000 })
  daily_quota: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  monthly_quota: number | null;
}

export class CreatedApiKeyDto extends ApiKeyLimitsDto {
  @ApiProperty({
    description: 'The key itself, shown only in this response',
    example: 'imaginario_live_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5',
  })
  api_key: string;

  @ApiProperty({ format: 'uuid', example: '5f0c6c1e-4d0a-4c55-9d43-2f5b0f7b8a11' })
  api_key_id: string;

  @ApiProperty({ example: 'Production server' })
  name: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  created_at: string;
}

export class ApiKeyDto extends ApiKeyLimitsDto {
  @ApiProperty({ format: 'uuid', example: '5f0c6c1e-4d0a-4c55-9d43-2f5b0f7b8a11' })
  id: string;

  @ApiProperty({ example: 'Production server' })
  name: string;

  @ApiProperty({ example: true })
  is_active: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-26T10:05:00.000Z' })
  last_used_at: string | null;

  @ApiProperty({ description: 'First characters of the key, to recognise it', example: 'imaginario_live_Zm9vYmFy' })
  prefix: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  api_keys: ApiKeyDto[];
}
