import { Injectable, StreamableFile } from '@nestjs/common';
import { SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from '../../search/grpc/search-grpc.client';
import { toJobSummaryDto } from '../../search/search.mapper';
import { DateRange, parseDateRange } from '../date-range';
import { ExportFormat, ExportQueryDto, ExportType } from '../dto/analytics.dto';
import { dayKey } from '../rollups/rollup-buckets';
import { createdBounds } from '../search-analytics.service';
import { UsageService } from '../usage.service';
import { CsvCell, toCsv } from './csv';

const JOBS_PAGE_SIZE = 100;
// An export is a download, not a backup: past this many jobs the file is cut off (and says so in JSON).
const MAX_EXPORTED_JOBS = 10_000;

const JOB_COLUMNS = [
  'job_id',
  'status',
  'query',
  'algorithm',
  'result_count',
  'duration_ms',
  'error',
  'created_at',
  'started_at',
  'completed_at',
];

interface Table {
  header: string[];
  rows: CsvCell[][];
  json: Record<string, unknown>;
}

/** Daily usage or search jobs of the caller as a CSV or JSON attachment. */
@Injectable()
export class ExportService {
  constructor(
    private readonly usage: UsageService,
    private readonly search: SearchGrpcClient,
  ) {}

  async export(userId: number, query: ExportQueryDto): Promise<StreamableFile> {
    const format: ExportFormat = query.format ?? 'csv';
    const type: ExportType = query.type ?? 'usage';
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    const table = type === 'usage' ? await this.usageTable(userId, query, range) : await this.jobsTable(userId, range);
    const body = format === 'csv' ? toCsv(table.header, table.rows) : JSON.stringify(table.json, null, 2);
    const filename = `${type}-${dayKey(range.start)}-${dayKey(new Date(range.end.getTime() - 1))}.${format}`;
    return new StreamableFile(Buffer.from(body, 'utf8'), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }

  private async usageTable(userId: number, query: ExportQueryDto, range: DateRange): Promise<Table> {
    const filter = await this.usage.filterFor(userId, query.api_key_id);
    const days = await this.usage.dailyRows(filter, range);
    return {
      header: ['date', 'requests', 'errors', 'error_rate', 'avg_latency_ms', 'p95_latency_ms'],
      rows: days.map((d) => [d.date, d.requests, d.errors, d.error_rate, d.avg_latency_ms, d.p95_latency_ms]),
      json: {
        period: { start_date: range.startLabel, end_date: range.endLabel },
        api_key_id: filter.apiKeyId ?? null,
        days,
      },
    };
  }

  private async jobsTable(userId: number, range: DateRange): Promise<Table> {
    const jobs: SearchJob[] = [];
    let total = 0;
    for (let page = 1; jobs.length < MAX_EXPORTED_JOBS; page += 1) {
      const reply = await this.search.listJobs({
        ownerId: userId,
        statuses: [],
        ...createdBounds(range),
        queryContains: '',
        page,
        perPage: JOBS_PAGE_SIZE,
      });
      total = reply.total;
      jobs.push(...reply.jobs);
      if (reply.jobs.length < JOBS_PAGE_SIZE || jobs.length >= total) {
        break;
      }
    }
    const exported = jobs.slice(0, MAX_EXPORTED_JOBS).map(toJobSummaryDto);
    return {
      header: JOB_COLUMNS,
      rows: exported.map((job) => [
        job.job_id,
        job.status,
        job.query,
        job.algorithm,
        job.result_count,
        job.duration_ms,
        job.error,
        job.created_at,
        job.started_at,
        job.completed_at,
      ]),
      json: {
        period: { start_date: range.startLabel, end_date: range.endLabel },
        total,
        truncated: total > exported.length,
        jobs: exported,
      },
    };
  }
}
