import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { OwnerGuard } from '@gateway/auth/guards/owner.guard';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiSearchUnavailable } from './api-search-unavailable.decorator';
import { SubmitSearchDto } from './dto/search-request.dto';
import { ReindexResultDto, SearchAcceptedDto, SearchJobDto } from './dto/search-response.dto';
import { JobIdPipe } from './job-id.pipe';
import { ReindexService } from './reindex/reindex.service';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's own user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@ApiSearchUnavailable()
@RequirePermission('search')
@UseGuards(OwnerGuard)
@Controller('users/:userId/search')
export class SearchController {
  constructor(
    private readonly searches: SearchService,
    private readonly reindexer: ReindexService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Search the caller's videos",
    description:
      'Creates a search job and waits for it (SEARCH_WAIT_MS, default 2 s, or `Prefer: wait=N` with N in 0..30 s, ' +
      'echoed in `Preference-Applied`). 200 with the whole job when it finished in time (also when it failed or was ' +
      'cancelled: see `status` and `error`), else 202 with `job_id` to poll. 503 answers carry `retry_after` and a ' +
      '`Retry-After` header.',
  })
  @ApiHeader({ name: 'Prefer', required: false, description: '`wait=N` (seconds, 0..30) or `respond-async`' })
  @ApiExtraModels(SearchJobDto, SearchAcceptedDto)
  @ApiOkResponse({ type: SearchJobDto, description: 'The job finished within the wait' })
  @ApiAcceptedResponse({ type: SearchAcceptedDto, description: 'Still running; poll GET .../search/{job_id}' })
  @ApiErrors({ 400: 'query is required' })
  async search(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: SubmitSearchDto,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SearchJobDto | SearchAcceptedDto> {
    const outcome = await this.searches.search(user.id, dto, prefer);
    if (outcome.preferenceApplied) {
      void reply.header('Preference-Applied', outcome.preferenceApplied);
    }
    if (!outcome.finished) {
      void reply.status(202);
      return outcome.accepted;
    }
    return outcome.job;
  }

  @Post('reindex')
  @RequirePermission('videos:write')
  @HttpCode(200)
  @ApiOperation({
    summary: "Rebuild the caller's search index from their videos",
    description:
      'Streams every video to the search service in batches sharing one reindex id; the index then holds exactly ' +
      'these videos. Safe to repeat. Normal changes reach the index on their own (outbox); this is for repair.',
  })
  @ApiOkResponse({ type: ReindexResultDto })
  reindex(@CurrentUser() user: AuthenticatedUser): Promise<ReindexResultDto> {
    return this.reindexer.reindex(user.id);
  }

  @Get(':jobId')
  @ApiOperation({ summary: "One of the caller's search jobs, with its results once completed" })
  @ApiOkResponse({ schema: { $ref: getSchemaPath(SearchJobDto) } })
  @ApiErrors({ 404: 'Search job not found' })
  getJob(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<SearchJobDto> {
    return this.searches.getJob(user.id, jobId);
  }
}
