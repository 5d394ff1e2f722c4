import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Between, EntityManager, IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { PinCheckRecorder } from '../search/pin-check.recorder';
import { CreateVideoDto } from '../videos/dto/video.dto';
import { VideoCountsRepository } from '../videos/video-counts.repository';
import { WebhookEventPublisher } from '../webhooks/webhook-event.publisher';
import { ImportAcceptedDto, ImportDto, ImportListDto } from './dto/import.dto';
import { ImportBatchWriter } from './import-batch.writer';
import { BodyTooLargeError, MeteredBody, parseRows } from './import-rows';
import { importsConfig } from './imports.config';
import { RowChecker } from './row-checker';
import { CheckedRows, RowToCheck } from './row-checks';
import { ImportFormat, ImportRowError, VideoImport } from './video-import.entity';

const ERRORS_SHOWN = 1000;
/**
 * Rows handed to the checker at a time: large enough that a worker's round trip is noise. After each chunk, and
 * after each stored batch, the import yields to the event loop: a body already buffered is parsed, and on SQLite
 * (synchronous statements) a batch is stored, within promise callbacks alone, which would otherwise hold off
 * timers and sockets (every other request, the outbox relay) until the whole import is stored.
 */
const CHECK_CHUNK_ROWS = 1000;

export interface ImportRequest {
  ownerId: number;
  body: Readable;
  format: ImportFormat;
  idempotencyKey?: string;
}

export interface ImportResult {
  dto: ImportAcceptedDto;
  replayed: boolean;
}

/**
 * Reads the body as it streams, validates every row with the single-create rules (CreateVideoDto),
 * and inserts the good rows in batched transactions together with their outbox events, the import's
 * progress committed in each. The 202 goes out once every row is in the database, so nothing is left
 * to lose; the search index follows through the outbox and a poll marks the import completed once the
 * relay delivered all of its events.
 */
@Injectable()
export class ImportsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ImportsService.name);
  private readonly config = importsConfig();
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(VideoImport) private readonly imports: Repository<VideoImport>,
    private readonly transactions: TransactionRunner,
    private readonly batches: ImportBatchWriter,
    private readonly counts: VideoCountsRepository,
    private readonly webhooks: WebhookEventPublisher,
    private readonly rowChecker: RowChecker,
    private readonly pins: PinCheckRecorder,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.completeIndexed().catch((error: unknown) => this.logPollError(error)),
      this.config.pollMs,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async start(request: ImportRequest): Promise<ImportResult> {
    const metered = new MeteredBody(this.config.maxBytes);
    request.body.on('error', (error) => metered.destroy(error));
    const body = request.body.pipe(metered);
    if (request.idempotencyKey !== undefined) {
      const existing = await this.imports.findOneBy({
        ownerId: request.ownerId,
        idempotencyKey: request.idempotencyKey,
      });
      if (existing) {
        return this.replay(existing, body, metered);
      }
    }
    let job: VideoImport;
    try {
      job = await this.imports.save(
        this.imports.create({
          ownerId: request.ownerId,
          idempotencyKey: request.idempotencyKey ?? null,
          format: request.format,
          status: 'processing',
          errors: '[]',
          createdAt: new Date(),
          startedAt: new Date(),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error) && request.idempotencyKey !== undefined) {
        const existing = await this.imports.findOneByOrFail({
          ownerId: request.ownerId,
          idempotencyKey: request.idempotencyKey,
        });
        return this.replay(existing, body, metered);
      }
      throw error;
    }
    try {
      return { dto: await this.run(job, body, metered), replayed: false };
    } catch (error) {
      // Refused as a whole (too large, too many rows, unreadable): nothing of it stays, the key is free again.
      await this.imports.delete({ id: job.id });
      throw error;
    }
  }

  async get(ownerId: number, importId: number): Promise<ImportDto> {
    const job = await this.imports.findOneBy({ id: importId, ownerId });
    if (!job) {
      throw new NotFoundException('Import not found');
    }
    return toImportDto(job.status === 'indexing' ? await this.completeIfIndexed(job) : job);
  }

  async list(ownerId: number, page: number, perPage: number): Promise<ImportListDto> {
    const [jobs, total] = await this.imports.findAndCount({
      where: { ownerId },
      order: { id: 'DESC' },
      // A page far past the end is empty; capped so that its offset stays a number either database takes.
      skip: Math.min((page - 1) * perPage, Number.MAX_SAFE_INTEGER),
      take: perPage,
    });
    return { imports: jobs.map(toImportDto), page, per_page: perPage, total };
  }

  async errors(ownerId: number, importId: number): Promise<ImportRowError[]> {
    const job = await this.imports.findOneBy({ id: importId, ownerId });
    if (!job) {
      throw new NotFoundException('Import not found');
    }
    return JSON.parse(job.errors) as ImportRowError[];
  }

  private async replay(existing: VideoImport, body: Readable, metered: MeteredBody): Promise<ImportResult> {
    await this.drain(body);
    if (existing.bodyHash !== null && existing.bodyHash !== metered.digest()) {
      throw new ConflictException('Idempotency-Key was already used with a different body');
    }
    return { dto: toAcceptedDto(existing), replayed: true };
  }

  private async drain(body: Readable): Promise<void> {
    try {
      for await (const chunk of body) {
        void chunk;
      }
    } catch (error) {
      throw asHttpError(error);
    }
  }

  private async run(job: VideoImport, body: Readable, metered: MeteredBody): Promise<ImportAcceptedDto> {
    const errors: ImportRowError[] = [];
    const checks: Promise<CheckedRows>[] = [];
    let chunk: RowToCheck[] = [];
    let total = 0;
    try {
      for await (const parsed of parseRows(body, job.format)) {
        total += 1;
        if (total > this.config.maxRows) {
          throw new PayloadTooLargeException(`an import holds at most ${this.config.maxRows} rows`);
        }
        if ('error' in parsed) {
          errors.push({ row: parsed.row, message: parsed.error });
          continue;
        }
        chunk.push(parsed);
        if (chunk.length === CHECK_CHUNK_ROWS) {
          checks.push(this.rowChecker.check(chunk));
          chunk = [];
          await yieldToEventLoop();
        }
      }
    } catch (error) {
      // Chunks already handed to the checker settle unobserved otherwise.
      await Promise.allSettled(checks);
      throw asHttpError(error);
    }
    if (chunk.length > 0) {
      checks.push(this.rowChecker.check(chunk));
    }
    const good: CheckedRows['good'] = [];
    for (const checked of await Promise.all(checks)) {
      good.push(...checked.good);
      errors.push(...checked.errors);
    }
    errors.sort((a, b) => a.row - b.row);
    job.total = total;
    job.failed = errors.length;
    job.errors = JSON.stringify(errors);
    job.errorsTotal = errors.length;
    job.bodyHash = metered.digest();
    await this.imports.update(
      { id: job.id },
      { total, failed: job.failed, errors: job.errors, errorsTotal: job.errorsTotal, bodyHash: job.bodyHash },
    );

    for (let start = 0; start < good.length; start += this.config.batchSize) {
      const batch = good.slice(start, start + this.config.batchSize);
      const ids = await this.transactions.run((manager) =>
        this.insertBatch(
          manager,
          job,
          batch.map((item) => item.dto),
        ),
      );
      job.firstOutboxId ??= ids.first;
      job.lastOutboxId = ids.last;
      job.done += batch.length;
      await yieldToEventLoop();
    }
    job.finishedAt = new Date();
    job.status = good.length === 0 ? 'completed' : 'indexing';
    if (job.status === 'completed') {
      job.searchableAt = job.finishedAt;
      await this.transactions.run(async (manager) => {
        await manager.update(
          VideoImport,
          { id: job.id },
          { status: job.status, finishedAt: job.finishedAt, searchableAt: job.searchableAt },
        );
        await this.publishCompleted(manager, job);
      });
    } else {
      await this.imports.update({ id: job.id }, { status: job.status, finishedAt: job.finishedAt });
    }
    return toAcceptedDto(job);
  }

  private async insertBatch(
    manager: EntityManager,
    job: VideoImport,
    rows: CreateVideoDto[],
  ): Promise<{ first: number; last: number }> {
    const ids = await this.batches.insert(manager, job.ownerId, rows);
    await this.counts.recordChange(manager, job.ownerId, { added: rows.length, reorders: true });
    await manager.update(
      VideoImport,
      { id: job.id },
      { done: job.done + rows.length, firstOutboxId: job.firstOutboxId ?? ids.first, lastOutboxId: ids.last },
    );
    return ids;
  }

  /** Marks every indexing import whose outbox events are all delivered as completed. */
  private async completeIndexed(): Promise<void> {
    const jobs = await this.imports.find({ where: { status: 'indexing' }, take: 50 });
    for (const job of jobs) {
      await this.completeIfIndexed(job);
    }
  }

  private async completeIfIndexed(job: VideoImport): Promise<VideoImport> {
    // Polled while the relay catches up: one pending event is enough, where a count would read them all.
    const pending = await this.imports.manager.existsBy(OutboxEvent, {
      ownerId: job.ownerId,
      id: Between(job.firstOutboxId ?? 0, job.lastOutboxId ?? 0),
      deliveredAt: IsNull(),
    });
    if (pending) {
      return job;
    }
    const searchableAt = new Date();
    const completed = await this.transactions.run(async (manager) => {
      const result = await manager.update(
        VideoImport,
        { id: job.id, status: 'indexing' },
        { status: 'completed', searchableAt },
      );
      if (!result.affected) {
        return false;
      }
      await this.publishCompleted(manager, { ...job, status: 'completed', searchableAt });
      return true;
    });
    if (!completed) {
      return await this.imports.findOneByOrFail({ id: job.id });
    }
    await this.pins.recordAfter(job.ownerId, 'import');
    return { ...job, status: 'completed', searchableAt };
  }

  private publishCompleted(manager: EntityManager, job: VideoImport): Promise<void> {
    return this.webhooks.publish(manager, {
      ownerId: job.ownerId,
      type: 'import.completed',
      data: { import_id: job.id, status: 'completed', total: job.total, done: job.done, failed: job.failed },
      dedupeKey: `import.completed:${job.id}`,
    });
  }

  private logPollError(error: unknown): void {
    this.logger.warn(`import completion poll failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function asHttpError(error: unknown): unknown {
  if (error instanceof BodyTooLargeError) {
    return new PayloadTooLargeException(error.message);
  }
  if (error instanceof CsvError) {
    return new BadRequestException(`malformed CSV: ${error.message}`);
  }
  return error;
}

function iso(date: Date | null): string | null {
  return date ? new Date(date).toISOString() : null;
}

export function toImportDto(job: VideoImport): ImportDto {
  const errors = JSON.parse(job.errors) as ImportRowError[];
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    total: job.total,
    done: job.done,
    failed: job.failed,
    errors: errors.slice(0, ERRORS_SHOWN),
    errors_total: job.errorsTotal,
    searchable: job.status === 'completed',
    created_at: new Date(job.createdAt).toISOString(),
    started_at: iso(job.startedAt),
    finished_at: iso(job.finishedAt),
    searchable_at: iso(job.searchableAt),
  };
}

function toAcceptedDto(job: VideoImport): ImportAcceptedDto {
  return { import_id: job.id, ...toImportDto(job) };
}
