import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import type { JobListQuery } from './job-request.validator';
import { JobState, JobTransition, sourceStates, targetState } from './job-state';
import { SearchJobEntity } from './search-job.entity';

/** Identifies one run of a job: a cancelled-then-retried job gets a new run, and the old one may no longer write. */
export interface RunClaim {
  claimedBy: string;
  attempts: number;
}

export type JobPatch = Partial<
  Pick<
    SearchJobEntity,
    | 'results'
    | 'resultCount'
    | 'estimatedTotalHits'
    | 'facetDistribution'
    | 'error'
    | 'completedAt'
    | 'durationMs'
    | 'claimedBy'
    | 'claimedAt'
  >
>;

export interface StatsRange {
  ownerId: number;
  createdAfter?: string;
  createdBefore?: string;
}

/** Columns of a job without its (heavy) results. */
const SUMMARY_COLUMNS: Array<keyof SearchJobEntity> = [
  'id',
  'ownerId',
  'query',
  'algorithm',
  'filters',
  'limit',
  'offset',
  'facets',
  'sort',
  'explain',
  'status',
  'resultCount',
  'estimatedTotalHits',
  'error',
  'attempts',
  'createdAt',
  'startedAt',
  'completedAt',
  'updatedAt',
  'durationMs',
  'claimedBy',
  'claimedAt',
];

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

@Injectable()
export class JobsRepository {
  private readonly jobs: Repository<SearchJobEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.jobs = dataSource.getRepository(SearchJobEntity);
  }

  /** A file database belongs to one process; PostgreSQL may be shared by several replicas. */
  get isShared(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async insert(job: SearchJobEntity): Promise<void> {
    await this.jobs.insert(job);
  }

  /**
   * Writes finished jobs in one INSERT, hence atomically without an explicit transaction (which, on SQLite's single
   * connection, would take in every statement other code runs meanwhile). A job already written is skipped, so a
   * batch whose commit was not acknowledged can be written again. The statement is built here rather than by the
   * query builder, whose per-parameter bookkeeping cost more than the insert itself; values still go through the
   * entity's column transformers and the driver's conversions.
   */
  async insertMany(jobs: SearchJobEntity[]): Promise<void> {
    const { driver } = this.dataSource;
    const { columns, tableName } = this.dataSource.getMetadata(SearchJobEntity);
    const table = driver.escape(tableName);
    const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const parameters: unknown[] = [];
    const rows = jobs.map((job) => {
      const placeholders = columns.map((column) => {
        parameters.push(driver.preparePersistentValue(column.getEntityValue(job), column));
        return this.isShared ? `$${parameters.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const values = rows.join(', ');
    await this.dataSource.query(
      this.isShared
        ? `INSERT INTO ${table} (${names}) VALUES ${values} ON CONFLICT DO NOTHING`
        : `INSERT OR IGNORE INTO ${table} (${names}) VALUES ${values}`,
      parameters,
    );
  }

  findById(id: string): Promise<SearchJobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  findForOwner(id: string, ownerId: number): Promise<SearchJobEntity | null> {
    return this.jobs.findOneBy({ id, ownerId });
  }

  /**
   * Applies a transition with one conditional UPDATE: it changes the row only if the job is still in one of the
   * transition's source states (and, when given, still held by the same run), so racing actors cannot both win.
   */
  async transition(id: string, transition: JobTransition, patch: JobPatch = {}, run?: RunClaim): Promise<boolean> {
    const query = this.jobs
      .createQueryBuilder()
      .update(SearchJobEntity)
      .set({ ...patch, status: targetState(transition), updatedAt: new Date().toISOString() })
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from: sourceStates(transition) });
    if (run) {
      query.andWhere('claimed_by = :claimedBy AND attempts = :attempts', run);
    }
    const result = await query.execute();
    return result.affected === 1;
  }

  /**
   * Claims up to `limit` queued jobs, oldest first. Each claim is a conditional UPDATE on one row, which
   * PostgreSQL serialises through the row lock and re-checks after a concurrent commit: two replicas that picked
   * the same candidate cannot both claim it; the loser simply moves on.
   */
  async claimQueued(claimedBy: string, limit: number): Promise<SearchJobEntity[]> {
    const candidates = await this.jobs.find({
      select: { id: true },
      where: { status: 'queued' },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    const claimed: SearchJobEntity[] = [];
    for (const { id } of candidates) {
      const now = new Date().toISOString();
      const result = await this.jobs
        .createQueryBuilder()
        .update(SearchJobEntity)
        .set({
          status: targetState('claim'),
          claimedBy,
          claimedAt: now,
          startedAt: now,
          updatedAt: now,
          attempts: () => 'attempts + 1',
        })
        .where('id = :id', { id })
        .andWhere('status IN (:...from)', { from: sourceStates('claim') })
        .execute();
      if (result.affected === 1) {
        const job = await this.findById(id);
        if (job) {
          claimed.push(job);
        }
      }
    }
    return claimed;
  }

  /** Processing jobs whose claim is older than the cutoff (every processing job when no cutoff is given). */
  findAbandoned(claimedBefore?: string): Promise<SearchJobEntity[]> {
    const query = this.jobs
      .createQueryBuilder('j')
      .where('j.status = :status', { status: 'processing' satisfies JobState });
    if (claimedBefore !== undefined) {
      query.andWhere(
        new Brackets((q) =>
          q.where('j.claimed_at IS NULL').orWhere('j.claimed_at < :claimedBefore', { claimedBefore }),
        ),
      );
    }
    return query.getMany();
  }

  async list(filter: JobListQuery): Promise<[SearchJobEntity[], number]> {
    const query = this.jobs.createQueryBuilder('j').select(SUMMARY_COLUMNS.map((column) => `j.${column}`));
    query.where('j.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.states.length > 0) {
      query.andWhere('j.status IN (:...states)', { states: filter.states });
    }
    this.applyCreatedRange(query, filter);
    if (filter.queryContains !== undefined) {
      query.andWhere("LOWER(j.query) LIKE :pattern ESCAPE '\\'", {
        pattern: `%${escapeLike(filter.queryContains.toLowerCase())}%`,
      });
    }
    return query
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .skip((filter.page - 1) * filter.perPage)
      .take(filter.perPage)
      .getManyAndCount();
  }

  /** Jobs a reconnecting watcher must see: every unfinished one, plus those changed since `since`. */
  findForResync(ownerId: number, since?: string): Promise<SearchJobEntity[]> {
    const query = this.jobs.createQueryBuilder('j').select(SUMMARY_COLUMNS.map((column) => `j.${column}`));
    query.where(
      new Brackets((q) => {
        q.where('j.status IN (:...unfinished)', { unfinished: ['queued', 'processing'] satisfies JobState[] });
        if (since !== undefined) {
          q.orWhere('j.updated_at >= :since', { since });
        }
      }),
    );
    if (ownerId > 0) {
      query.andWhere('j.owner_id = :ownerId', { ownerId });
    }
    return query.orderBy('j.updated_at', 'ASC').getMany();
  }

  async countByStatus(range: StatsRange): Promise<Array<{ status: JobState; count: number }>> {
    const query = this.jobs.createQueryBuilder('j').select('j.status', 'status').addSelect('COUNT(*)', 'count');
    this.applyStatsRange(query, range);
    const rows = await query.groupBy('j.status').getRawMany<{ status: JobState; count: string | number }>();
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }

  async completedDurations(range: StatsRange): Promise<number[]> {
    const query = this.jobs.createQueryBuilder('j').select('j.duration_ms', 'durationMs');
    this.applyStatsRange(query, range);
    const rows = await query
      .andWhere("j.status = 'completed' AND j.duration_ms IS NOT NULL")
      .orderBy('j.duration_ms', 'ASC')
      .getRawMany<{ durationMs: string | number }>();
    return rows.map((row) => Number(row.durationMs));
  }

  private applyStatsRange(query: SelectQueryBuilder<SearchJobEntity>, range: StatsRange): void {
    query.where('j.owner_id = :ownerId', { ownerId: range.ownerId });
    this.applyCreatedRange(query, range);
  }

  private applyCreatedRange(
    query: SelectQueryBuilder<SearchJobEntity>,
    range: { createdAfter?: string; createdBefore?: string },
  ): void {
    if (range.createdAfter !== undefined) {
      query.andWhere('j.created_at >= :createdAfter', { createdAfter: range.createdAfter });
    }
    if (range.createdBefore !== undefined) {
      query.andWhere('j.created_at <= :createdBefore', { createdBefore: range.createdBefore });
    }
  }
}
