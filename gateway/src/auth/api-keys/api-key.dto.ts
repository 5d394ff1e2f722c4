import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { toBoolean, trim } from '../../common/validation/transforms';
import { Permission, PERMISSIONS } from '../authenticated-user';

const PERMISSION_NAMES = PERMISSIONS.join(', ');

function unknownPermissionMessage({ value }: ValidationArguments): string {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const unknown = items.find((item) => !PERMISSIONS.includes(item as Permission));
  return `permissions holds an unknown permission ${JSON.stringify(unknown)}; known permissions: ${PERMISSION_NAMES}`;
}

/** An ISO 8601 instant later than now (checked when the request is validated). */
const IsFutureInstant = (message: string): PropertyDecorator =>
  ValidateBy({
    name: 'isFutureInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && Date.parse(value) > Date.now(),
      defaultMessage: () => message,
    },
  });

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Production server', maxLength: 100 })
  @Transform(trim)
  @IsNotEmpty({ message: 'name is required' })
  @IsString()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    type: 'integer',
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
    type: 'integer',
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
    type: 'integer',
    example: 250000,
    nullable: true,
    description: 'Requests per UTC month; null uses the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  monthly_quota?: number | null;

  @ApiPropertyOptional({
    enum: PERMISSIONS,
    isArray: true,
    default: [...PERMISSIONS],
    example: ['search', 'videos:read'],
    description:
      'What the key may do; every permission when omitted. A request beyond them is a 403. Not empty, no repeats.',
  })
  @IsOptional()
  @IsArray({ message: `permissions must be an array of permission names (${PERMISSION_NAMES})` })
  @ArrayNotEmpty({ message: 'permissions must not be empty; omit it for every permission' })
  @IsIn(PERMISSIONS, { each: true, message: unknownPermissionMessage })
  @ArrayUnique({ message: 'permissions must not repeat a permission' })
  permissions?: Permission[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-01-31T00:00:00.000Z',
    description: 'ISO 8601 instant in the future after which the key answers 401 `API key expired`; null: never',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expires_at must be an ISO 8601 timestamp' })
  @IsFutureInstant('expires_at must be in the future')
  expires_at?: string | null;
}

export class ListApiKeysQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list revoked keys, with `revoked_at`' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'include_revoked must be true or false' })
  include_revoked?: boolean;
}

class ApiKeyLimitsDto {
  @ApiProperty({ type: Number, nullable: true, example: 120 })
  rate_limit_per_minute: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 10000 })
  daily_quota: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  monthly_quota: number | null;

  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['search', 'videos:read'] })
  permissions: Permission[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-01-31T00:00:00.000Z',
    description: 'When the key stops authenticating; null: never',
  })
  expires_at: string | null;
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

  @ApiProperty({ example: false, description: 'Whether expires_at has passed (the key answers 401)' })
  expired: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description:
      'When the key was revoked; null for a live key (revoked keys are listed only with include_revoked=true)',
  })
  revoked_at: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  api_keys: ApiKeyDto[];
}
