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
}

export const jobsConfig = registerAs('jobs', () => {
  const env = validateEnv(JobsEnv, {
    WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY,
    JOB_POLL_INTERVAL_MS: process.env.JOB_POLL_INTERVAL_MS,
    JOB_CLAIM_TIMEOUT_MS: process.env.JOB_CLAIM_TIMEOUT_MS,
    JOB_SHUTDOWN_GRACE_MS: process.env.JOB_SHUTDOWN_GRACE_MS,
  });
  return {
    workerConcurrency: env.WORKER_CONCURRENCY,
    pollIntervalMs: env.JOB_POLL_INTERVAL_MS,
    claimTimeoutMs: env.JOB_CLAIM_TIMEOUT_MS,
    shutdownGraceMs: env.JOB_SHUTDOWN_GRACE_MS,
  };
});

export type JobsConfig = ReturnType<typeof jobsConfig>;
