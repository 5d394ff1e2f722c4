import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSearchUnavailable } from './api-search-unavailable.decorator';
import { ListJobsQueryDto } from './dto/search-request.dto';
import { AlgorithmListDto, JobReplayDto, SearchJobDto, SearchJobListDto } from './dto/search-response.dto';
import { JobIdPipe } from './job-id.pipe';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required' })
@ApiSearchUnavailable()
@RequirePermission('search')
@Controller('search')
export class SearchJobsController {
  constructor(private readonly searches: SearchService) {}

  @Get('jobs')
  @ApiOperation({ summary: "The caller's search jobs, newest first, without results" })
  @ApiOkResponse({ type: SearchJobListDto })
  @ApiErrors({
    400: 'status must be one of: queued, processing, completed, failed, cancelled',
    403: 'Listing search jobs is not available to a search token with filters',
  })
  listJobs(@CurrentUser() user: AuthenticatedUser, @Query() query: ListJobsQueryDto): Promise<SearchJobListDto> {
    return this.searches.listJobs(user, query);
  }

  @Get('jobs/:jobId/details')
  @ApiOperation({ summary: "One of the caller's jobs with its results" })
  @ApiOkResponse({ type: SearchJobDto })
  @ApiErrors({ 404: 'Search job not found' })
  details(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<SearchJobDto> {
    return this.searches.getJob(user, jobId);
  }

  @Post('jobs/:jobId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a failed or cancelled job again' })
  @ApiOkResponse({ type: SearchJobDto })
  @ApiErrors({ 404: 'Search job not found', 409: 'Only failed or cancelled jobs can be retried' })
  retry(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<SearchJobDto> {
    return this.searches.retryJob(user, jobId);
  }

  @Post('jobs/:jobId/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: "Ask a finished job's question again of today's index and settings",
    description:
      'Answers the recorded page beside the same page now, with each hit moved, new, lost or unchanged: what a ' +
      'settings change, a reindex or an import did to this search. Records no new job.',
  })
  @ApiOkResponse({ type: JobReplayDto })
  @ApiErrors({ 404: 'Search job not found', 409: 'A processing job cannot be replayed until it finishes' })
  replay(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<JobReplayDto> {
    return this.searches.replayJob(user, jobId);
  }

  @Post('jobs/:jobId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a queued or running job' })
  @ApiOkResponse({ type: SearchJobDto })
  @ApiErrors({ 404: 'Search job not found', 409: 'Only queued or processing jobs can be cancelled' })
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('jobId', JobIdPipe) jobId: string): Promise<SearchJobDto> {
    return this.searches.cancelJob(user, jobId);
  }

  @Get('algorithms')
  @ApiOperation({ summary: 'The ranking algorithms a search may name' })
  @ApiOkResponse({
    type: AlgorithmListDto,
    example: {
      algorithms: [
        { name: 'auto', description: 'Combines the others; exact matches rank above fuzzy ones', is_default: true },
        { name: 'text', description: 'BM25 keyword ranking with stemming', is_default: false },
      ],
    },
  })
  listAlgorithms(): Promise<AlgorithmListDto> {
    return this.searches.listAlgorithms();
  }
}
