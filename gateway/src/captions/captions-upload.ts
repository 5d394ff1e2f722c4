import { UnsupportedMediaTypeException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationExceptionFactory } from '../common/validation/validation-exception.factory';
import type { CaptionFormat } from './caption-parser';
import type { CaptionsUpload } from './captions.service';
import { CaptionsQueryDto, UploadCaptionsDto } from './dto/captions.dto';

/** Raw caption bodies and the format each says; text/plain is detected from the content. */
export const CAPTION_CONTENT_TYPES: Record<string, CaptionFormat | undefined> = {
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'text/srt': 'srt',
  'text/plain': undefined,
};

/** The upload a PUT carries: a JSON body (validated like any DTO) or the file itself as the body. */
export async function readCaptionsUpload(
  contentType: string | undefined,
  body: unknown,
  query: CaptionsQueryDto,
): Promise<CaptionsUpload> {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    // Checked here rather than by the global pipe, which cannot know that a raw body is not a DTO. A body that is
    // not an object (null, a list, a bare string) is read as the empty one, as the global pipe reads it.
    const dto = plainToInstance(UploadCaptionsDto, isObject(body) ? body : {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw validationExceptionFactory(errors);
    }
    return { content: dto.content, format: query.format ?? dto.format, language: dto.language ?? query.language };
  }
  if (type in CAPTION_CONTENT_TYPES) {
    return {
      content: typeof body === 'string' ? body : '',
      format: query.format ?? CAPTION_CONTENT_TYPES[type],
      language: query.language,
    };
  }
  throw new UnsupportedMediaTypeException('Send text/vtt, application/x-subrip, text/plain or application/json');
}

function isObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
