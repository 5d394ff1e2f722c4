import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { OwnerGuard } from '@gateway/auth/guards/owner.guard';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
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
import {
  CompareResultsQueryDto,
  InstantSearchQueryDto,
  MultiSearchDto,
  RecordClickDto,
  SuggestQueryDto,
} from './dto/search-options.dto';
import { SubmitSearchDto } from './dto/search-request.dto';
import {
  ClickDto,
  MultiSearchResultDto,
  ReindexResultDto,
  ResultComparisonDto,
  SearchAcceptedDto,
  SearchJobDto,
  SuggestionsDto,
} from './dto/search-response.dto';
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
// `search/suggest` comes before `search/:jobId`; settings have their own controller, registered first.
@Controller('users/:userId')
export class SearchController {
  constructor(
    private readonly searches: SearchService,
    private readonly reindexer: ReindexService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: "Search the caller's videos",
    description:
      'Creates a search job and waits for it (SEARCH_WAIT_MS, default 2 s, or `Prefer: wait=N` with N in 0..30 s, ' +
      'echoed in `Preference-Applied`). 200 with the whole job when it finished in time (also when it failed or was ' +
      'cancelled: see `status` and `error`), else 202 with `job_id` to poll. 503 answers carry `retry_after` and a ' +
      "`Retry-After` header. A search token's filters are ANDed onto the request's own.",
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
    const outcome = await this.searches.search(user, dto, prefer);
    if (outcome.preferenceApplied) {
      void reply.header('Preference-Applied', outcome.preferenceApplied);
    }
    if (!outcome.finished) {
      void reply.status(202);
      return outcome.accepted;
    }
    return outcome.job;
  }

  @Get('search')
  @ApiOperation({
    summary: 'Instant search, for as-you-type boxes',
    description:
      'The options of POST search as query parameters (lists comma-separated), answered at once through the ' +
      'one-call path: the job as it stands after SEARCH_WAIT_MS at most, nearly always completed. Counted in ' +
      'search analytics; 503 at once while the search service is unavailable.',
  })
  @ApiOkResponse({ type: SearchJobDto })
  @ApiErrors({ 400: 'q is required' })
  instant(@CurrentUser() user: AuthenticatedUser, @Query() query: InstantSearchQueryDto): Promise<SearchJobDto> {
    return this.searches.instant(user, query);
  }

  @Get('search/suggest')
  @ApiOperation({
    summary: 'Completions of a prefix, best first',
    description:
      "From the owner's own vocabulary and past queries. Neither can be confined to a search token's filters, " +
      'so a token that restricts anything gets 403.',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiErrors({ 400: 'q is required', 403: 'Suggestions are not available to a search token with filters' })
  suggest(@CurrentUser() user: AuthenticatedUser, @Query() query: SuggestQueryDto): Promise<SuggestionsDto> {
    return this.searches.suggest(user, query);
  }

  @Post('multi-search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Several searches in one request',
    description:
      'Each entry is a POST search body; all are validated first, then run concurrently, answered in order ' +
      '(each as instant search answers).',
  })
  @ApiOkResponse({ type: MultiSearchResultDto })
  @ApiErrors({ 400: 'queries[2].limit must be an integer from 1 to 100' })
  multiSearch(@CurrentUser() user: AuthenticatedUser, @Body() dto: MultiSearchDto): Promise<MultiSearchResultDto> {
    return this.searches.multiSearch(user, dto.queries);
  }

  @Post('search/reindex')
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

  @Get('search/:jobId')
  @ApiOperation({ summary: "One of the caller's search jobs, with its results once completed" })
  @ApiOkResponse({ schema: { $ref: getSchemaPath(SearchJobDto) } })
  @ApiErrors({ 404: 'Search job not found' })
  getJob(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<SearchJobDto> {
    return this.searches.getJob(user, jobId);
  }

  @Post('search/:jobId/clicks')
  @ApiOperation({
    summary: 'Record that the user opened a result of a search',
    description: 'Feeds click-through rate and average click position in GET /analytics/search.',
  })
  @ApiCreatedResponse({ type: ClickDto })
  @ApiErrors({ 400: 'position must be an integer of at least 1', 404: 'Search job not found' })
  recordClick(
    @CurrentUser() user: AuthenticatedUser,
    @Param('jobId', JobIdPipe) jobId: string,
    @Body() dto: RecordClickDto,
  ): Promise<ClickDto> {
    return this.searches.recordClick(user, jobId, dto);
  }

  @Get('search/:jobId/compare')
  @ApiOperation({
    summary: 'Why one video ranks above another for a search',
    description:
      "Asks the job's query and filters again of the current index with only videos a and b as candidates, both " +
      'explained, and sets their score parts side by side, largest gap first: the differences add up to ' +
      'score_difference. Both videos must match the query; which page the job returned them on does not matter.',
  })
  @ApiOkResponse({ type: ResultComparisonDto })
  @ApiErrors({
    400: 'a must be a positive integer (a video id)',
    404: "Video 7 does not match this job's query and filters",
  })
  compare(
    @CurrentUser() user: AuthenticatedUser,
    @Param('jobId', JobIdPipe) jobId: string,
    @Query() query: CompareResultsQueryDto,
  ): Promise<ResultComparisonDto> {
    return this.searches.compareResults(user, jobId, query);
  }
}
