import { ApiProperty } from '@nestjs/swagger';

/** The `pagination` object every paginated list answers with. */
export class PaginationDto {
  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  per_page: number;

  @ApiProperty({ example: 57 })
  total: number;

  @ApiProperty({ example: 3 })
  pages: number;
}
