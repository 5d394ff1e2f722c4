import { registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { validateEnv } from './validate-env';

class JobsEnv {
  @IsInt()
  @Min(0)
  @Max(64)
  WORKER_CONCURRENCY: number = 4;

  @IsInt()
  @Min(50)
  JOB_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1000)
  JOB_CLAIM_TIMEOUT_MS: number = 60000;

  @IsInt()
  @Min(0)
  JOB_SHUTDOWN_GRACE_MS: number = 10000;

  @IsInt()
  @Min(1)
  @Max(1000)
  JOB_RECORD_FLUSH_MS: number = 5;

  /** One INSERT per batch: 1000 rows of 18 columns stay within SQLite's and PostgreSQL's bound-parameter limits. */
  @IsInt()
  @Min(1)
  @Max(1000)
  JOB_RECORD_BATCH_SIZE: number = 200;

  @IsInt()
  @Min(1)
  JOB_RECORD_MAX_PENDING: number = 10000;
}

export const jobsConfig = registerAs('jobs', () => {
  const env = validateEnv(JobsEnv, {
    WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY,
    JOB_POLL_INTERVAL_MS: process.env.JOB_POLL_INTERVAL_MS,
    JOB_CLAIM_TIMEOUT_MS: process.env.JOB_CLAIM_TIMEOUT_MS,
    JOB_SHUTDOWN_GRACE_MS: process.env.JOB_SHUTDOWN_GRACE_MS,
    JOB_RECORD_FLUSH_MS: process.env.JOB_RECORD_FLUSH_MS,
    JOB_RECORD_BATCH_SIZE: process.env.JOB_RECORD_BATCH_SIZE,
    JOB_RECORD_MAX_PENDING: process.env.JOB_RECORD_MAX_PENDING,
  });
  return {
    workerConcurrency: env.WORKER_CONCURRENCY,
    pollIntervalMs: env.JOB_POLL_INTERVAL_MS,
    claimTimeoutMs: env.JOB_CLAIM_TIMEOUT_MS,
    shutdownGraceMs: env.JOB_SHUTDOWN_GRACE_MS,
    recordFlushMs: env.JOB_RECORD_FLUSH_MS,
    recordBatchSize: env.JOB_RECORD_BATCH_SIZE,
    recordMaxPending: env.JOB_RECORD_MAX_PENDING,
  };
});

export type JobsConfig = ReturnType<typeof jobsConfig>;
