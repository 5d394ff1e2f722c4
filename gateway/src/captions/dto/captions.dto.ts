import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { CAPTION_FORMATS, type CaptionFormat } from '../caption-parser';

/** A BCP 47 tag, checked loosely: a language and optional subtags ("en", "pt-BR", "zh-Hant-TW"). */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const LANGUAGE_MESSAGE = 'language must be a BCP 47 tag such as "en" or "pt-BR"';

export class CaptionsQueryDto {
  @ApiPropertyOptional({
    enum: CAPTION_FORMATS,
    description: 'Overrides the format the content type says (text/plain is detected by a WEBVTT first line)',
  })
  @IsOptional()
  @IsIn(CAPTION_FORMATS, { message: 'format must be vtt or srt' })
  format?: CaptionFormat;

  @ApiPropertyOptional({ description: 'BCP 47 language tag of a raw body', example: 'en' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string;
}

export class UploadCaptionsDto {
  @ApiPropertyOptional({ enum: CAPTION_FORMATS, description: 'Detected from the content when left out' })
  @IsOptional()
  @IsIn(CAPTION_FORMATS, { message: 'format must be vtt or srt' })
  format?: CaptionFormat;

  @ApiProperty({
    description: 'The WebVTT or SRT file as text',
    example: 'WEBVTT\n\n04:12.000 --> 04:16.000\nNow feed the sourdough starter.\n',
  })
  @IsNotEmpty({ message: 'content is required' })
  @IsString({ message: 'content must be a string' })
  content: string;

  @ApiPropertyOptional({ description: 'BCP 47 language tag', example: 'en' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string;
}

export class CaptionsSummaryDto {
  @ApiProperty({ example: 42 })
  video_id: number;

  @ApiProperty({ type: String, nullable: true, description: 'BCP 47 tag, null when not given', example: 'en' })
  language: string | null;

  @ApiProperty({ enum: CAPTION_FORMATS, description: 'The format they were uploaded in', example: 'vtt' })
  format: CaptionFormat;

  @ApiProperty({ example: 412 })
  cue_count: number;

  @ApiProperty({ description: "Seconds to the last cue's end (millisecond precision)", example: 1804.5 })
  duration: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-04T22:00:00.000Z' })
  updated_at: string;
}

export class CaptionCueDto {
  @ApiProperty({ description: 'Seconds from the start of the video (millisecond precision)', example: 252 })
  start: number;

  @ApiProperty({ example: 256.5 })
  end: number;

  @ApiProperty({ description: 'The start as [h:]mm:ss', example: '04:12' })
  t: string;

  @ApiProperty({ description: 'Plain text, markup removed', example: 'Now feed the sourdough starter.' })
  text: string;
}

export class CaptionsDto extends CaptionsSummaryDto {
  @ApiProperty({ type: [CaptionCueDto], description: 'In start order' })
  cues: CaptionCueDto[];
}
