import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toNumber, trim } from '../common/validation/transforms';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook-event.publisher';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.com/hooks/video-search', maxLength: 2000 })
  @Transform(trim)
  @IsNotEmpty({ message: 'url is required' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['job.completed', 'import.completed'] })
  @IsArray({ message: 'events must be an array of event types' })
  @ArrayNotEmpty({ message: `events must hold at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  @ArrayUnique({ message: 'events must not repeat an event type' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `events must each be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events: WebhookEventType[];

  @ApiPropertyOptional({ type: String, example: 'Production receiver', maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class WebhookEndpointDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'https://example.com/hooks/video-search' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  events: WebhookEventType[];

  @ApiProperty({ type: String, nullable: true, example: 'Production receiver' })
  description: string | null;

  @ApiProperty({ example: '2026-12-04T12:00:00.000Z' })
  created_at: string;
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({ description: 'The signing secret; shown only here and on rotation', example: 'whsec_...' })
  secret: string;
}

export class WebhookSecretDto {
  @ApiProperty({ description: 'The new signing secret; the previous one keeps signing beside it for 24 h' })
  secret: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'job.completed', description: 'The event type, or ping for a test delivery' })
  event: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: (typeof DELIVERY_STATUSES)[number];

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  response_code: number | null;

  @ApiProperty({ type: String, nullable: true, description: "The first 1 KB of the receiver's last answer" })
  response_body: string | null;

  @ApiProperty({ type: String, nullable: true })
  last_error: string | null;

  @ApiProperty({ type: String, nullable: true })
  next_attempt_at: string | null;

  @ApiProperty()
  created_at: string;

  @ApiProperty({ type: String, nullable: true })
  delivered_at: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The JSON body sent: {id, type, created_at, data}',
  })
  payload: Record<string, unknown>;
}

export class WebhookEndpointSummaryDto extends WebhookEndpointDto {
  @ApiProperty({
    type: WebhookDeliveryDto,
    nullable: true,
    description: 'The newest delivery to the endpoint, or null before the first event',
  })
  last_delivery: WebhookDeliveryDto | null;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointSummaryDto] })
  webhooks: WebhookEndpointSummaryDto[];
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  deliveries: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next (older) page' })
  next_cursor: string | null;
}

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cursor?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RedeliverAcceptedDto {
  @ApiProperty({ example: 'Redelivery scheduled' })
  message: string;
}
