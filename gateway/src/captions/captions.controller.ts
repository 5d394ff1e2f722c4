import { Controller, Delete, Get, HttpCode, Param, Put, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { OwnerGuard } from '../auth/guards/owner.guard';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { MessageResponseDto } from '../common/http/error-response.dto';
import { PositiveIntPipe } from '../common/http/positive-int.pipe';
import { BodyLimit } from '../common/http/route-body-limit';
import { CAPTION_CONTENT_TYPES, readCaptionsUpload } from './captions-upload';
import { CaptionsService, MAX_CUES } from './captions.service';
import { CaptionsDto, CaptionsQueryDto, CaptionsSummaryDto, UploadCaptionsDto } from './dto/captions.dto';

/** Largest caption upload, raw or JSON; a feature film's captions take about 100 KB. */
export const MAX_CAPTIONS_BYTES = 2 * 1024 * 1024;

const VideoIdParam = (): MethodDecorator => ApiParam({ name: 'videoId', type: Number, example: 42 });

@ApiTags('captions')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@UseGuards(OwnerGuard)
@Controller('users/:userId/videos/:videoId/captions')
export class CaptionsController {
  constructor(private readonly captions: CaptionsService) {}

  @Put()
  @RequirePermission('videos:write')
  @BodyLimit(MAX_CAPTIONS_BYTES)
  @ApiOperation({
    summary: "Upload a video's captions (WebVTT or SRT), replacing any it had",
    description:
      'Send the file as the body (text/vtt, application/x-subrip or text/srt, or text/plain to detect the ' +
      'format; `format` and `language` as query parameters), or JSON {format?, content, language?}. ' +
      `At most 2 MB and ${MAX_CUES} cues. A cue that cannot be read answers 400 with its 1-based line. ` +
      'The cues become searchable like the video: search results answer them as moments.',
    // Documented here rather than with @ApiBody, which gives every media type the same schema.
    requestBody: {
      required: true,
      description: 'The caption file as the raw body, or JSON',
      content: {
        ...Object.fromEntries(Object.keys(CAPTION_CONTENT_TYPES).map((type) => [type, { schema: { type: 'string' } }])),
        'application/json': { schema: { $ref: getSchemaPath(UploadCaptionsDto) } },
      },
    },
  })
  @VideoIdParam()
  @ApiExtraModels(UploadCaptionsDto)
  @ApiOkResponse({ type: CaptionsSummaryDto })
  @ApiErrors({
    400: 'Line 12: the cue ends before it starts',
    404: 'Video not found',
    413: 'Request body too large',
    415: 'Unsupported request body content type',
  })
  async replace(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
    @Query() query: CaptionsQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<CaptionsSummaryDto> {
    const upload = await readCaptionsUpload(request.headers['content-type'], request.body, query);
    return this.captions.replace(user.id, videoId, upload);
  }

  @Get()
  @RequirePermission('videos:read')
  @ApiOperation({ summary: "A video's captions with every cue" })
  @VideoIdParam()
  @ApiOkResponse({ type: CaptionsDto })
  @ApiErrors({ 404: 'Captions not found' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
  ): Promise<CaptionsDto> {
    return this.captions.get(user.id, videoId);
  }

  @Delete()
  @RequirePermission('videos:write')
  @HttpCode(200)
  @ApiOperation({ summary: "Delete a video's captions and their index entries" })
  @VideoIdParam()
  @ApiOkResponse({ type: MessageResponseDto, example: { message: 'Captions deleted' } })
  @ApiErrors({ 404: 'Captions not found' })
  async delete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
  ): Promise<MessageResponseDto> {
    await this.captions.delete(user.id, videoId);
    return { message: 'Captions deleted' };
  }
}
