import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { OwnerGuard } from '../auth/guards/owner.guard';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { MessageResponseDto } from '../common/http/error-response.dto';
import type { JsonText } from '../common/http/json-text';
import { PositiveIntPipe } from '../common/http/positive-int.pipe';
import { CreateVideoDto, ListVideosQueryDto, UpdateVideoDto, VideoDto, VideoListDto } from './dto/video.dto';
import { VideoListService } from './video-list.service';
import { VideosService } from './videos.service';

const VideoIdParam = (): MethodDecorator => ApiParam({ name: 'videoId', type: Number, example: 42 });

@ApiTags('videos')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@UseGuards(OwnerGuard)
@Controller('users/:userId/videos')
export class VideosController {
  constructor(
    private readonly videos: VideosService,
    private readonly lists: VideoListService,
  ) {}

  @Get()
  @RequirePermission('videos:read')
  @ApiOperation({ summary: 'List videos with pagination, sorting and filters' })
  @ApiOkResponse({ type: VideoListDto })
  @ApiErrors({ 400: 'send either cursor or page, not both' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListVideosQueryDto): Promise<JsonText<VideoListDto>> {
    return this.lists.list(user.id, query);
  }

  @Post()
  @RequirePermission('videos:write')
  @ApiOperation({ summary: 'Create a video' })
  @ApiCreatedResponse({ type: VideoDto })
  @ApiErrors({ 400: 'title is required' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateVideoDto): Promise<VideoDto> {
    return this.videos.create(user.id, dto);
  }

  @Get(':videoId')
  @RequirePermission('videos:read')
  @ApiOperation({ summary: 'Get one video' })
  @VideoIdParam()
  @ApiOkResponse({ type: VideoDto })
  @ApiErrors({ 404: 'Video not found' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
  ): Promise<VideoDto> {
    return this.videos.get(user.id, videoId);
  }

  @Put(':videoId')
  @RequirePermission('videos:write')
  @ApiOperation({ summary: 'Update a video; only the fields sent change, tags are replaced as a whole' })
  @VideoIdParam()
  @ApiOkResponse({ type: VideoDto })
  @ApiErrors({ 400: 'duration must not be negative', 404: 'Video not found' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
    @Body() dto: UpdateVideoDto,
  ): Promise<VideoDto> {
    return this.videos.update(user.id, videoId, dto);
  }

  @Delete(':videoId')
  @RequirePermission('videos:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a video' })
  @VideoIdParam()
  @ApiOkResponse({ type: MessageResponseDto, example: { message: 'Video deleted' } })
  @ApiErrors({ 404: 'Video not found' })
  async delete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('videoId', new PositiveIntPipe('videoId')) videoId: number,
  ): Promise<MessageResponseDto> {
    await this.videos.delete(user.id, videoId);
    return { message: 'Video deleted' };
  }
}
