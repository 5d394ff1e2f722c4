import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toNumber } from '../../common/validation/transforms';

export const IMPORT_FORMATS = ['ndjson', 'csv'] as const;
export const IMPORT_STATUSES = ['queued', 'processing', 'indexing', 'completed', 'failed'] as const;

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'Overrides the Content-Type' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: 'format must be ndjson or csv' })
  format?: (typeof IMPORT_FORMATS)[number];
}

export class ErrorsQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'json' })
  @IsOptional()
  @IsIn(['csv', 'json'], { message: 'format must be csv or json' })
  format?: 'csv' | 'json';
}

export class ListImportsQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'page must be a positive integer' })
  @Min(1, { message: 'page must be a positive integer' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'per_page must be an integer between 1 and 100' })
  @Min(1, { message: 'per_page must be an integer between 1 and 100' })
  @Max(100, { message: 'per_page must be an integer between 1 and 100' })
  per_page?: number;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: '1-based data row (a CSV header is not counted)', example: 3 })
  row: number;

  @ApiProperty({ example: 'title is required' })
  message: string;
}

export class ImportDto {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status: (typeof IMPORT_STATUSES)[number];

  @ApiProperty({ enum: IMPORT_FORMATS })
  format: (typeof IMPORT_FORMATS)[number];

  @ApiProperty({ description: 'Data rows received' })
  total: number;

  @ApiProperty({ description: 'Rows imported' })
  done: number;

  @ApiProperty({ description: 'Rows refused' })
  failed: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'The first 1000 refused rows' })
  errors: ImportRowErrorDto[];

  @ApiProperty()
  errors_total: number;

  @ApiProperty({ description: 'Every imported row can be found by search' })
  searchable: boolean;

  @ApiProperty()
  created_at: string;

  @ApiProperty({ type: String, nullable: true })
  started_at: string | null;

  @ApiProperty({ type: String, nullable: true })
  finished_at: string | null;

  @ApiProperty({ type: String, nullable: true })
  searchable_at: string | null;
}

export class ImportAcceptedDto extends ImportDto {
  @ApiProperty({ description: 'Same as id' })
  import_id: number;
}

export class ImportListDto {
  @ApiProperty({ type: [ImportDto] })
  imports: ImportDto[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  per_page: number;

  @ApiProperty()
  total: number;
}

export class ImportErrorsDto {
  @ApiProperty({ type: [ImportRowErrorDto] })
  errors: ImportRowErrorDto[];
}
