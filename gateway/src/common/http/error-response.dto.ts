import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 'Authentication required' })
  error: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Every validation problem, when there was more than one',
    example: ['title must be shorter than or equal to 200 characters'],
  })
  details?: string[];
}

export class MessageResponseDto {
  @ApiProperty({ example: 'Video deleted' })
  message: string;
}
