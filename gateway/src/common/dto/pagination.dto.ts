// The decorators alone, not the package's index: that loads Nest's core and the document builder, which the
// import's row-check workers (they load this DTO) paid for at every start. They need the metadata polyfill
// the index brought along.
import { ApiProperty } from '@nestjs/swagger/dist/decorators/api-property.decorator';
import 'reflect-metadata';

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
