import { registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { validateEnv } from './validate-env';

class IndexingEnv {
  @IsInt()
  @Min(100)
  INDEX_SYNC_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(0)
  INDEX_SYNC_OVERLAP_MS: number = 5000;

  /** 0 disables the periodic snapshot; the one written on a graceful shutdown stays. */
  @IsInt()
  @Min(0)
  INDEX_SNAPSHOT_INTERVAL_MS: number = 300000;
}

export const indexingConfig = registerAs('indexing', () => {
  const env = validateEnv(IndexingEnv, {
    INDEX_SYNC_INTERVAL_MS: process.env.INDEX_SYNC_INTERVAL_MS,
    INDEX_SYNC_OVERLAP_MS: process.env.INDEX_SYNC_OVERLAP_MS,
    INDEX_SNAPSHOT_INTERVAL_MS: process.env.INDEX_SNAPSHOT_INTERVAL_MS,
  });
  return {
    syncIntervalMs: env.INDEX_SYNC_INTERVAL_MS,
    syncOverlapMs: env.INDEX_SYNC_OVERLAP_MS,
    snapshotIntervalMs: env.INDEX_SNAPSHOT_INTERVAL_MS,
  };
});

export type IndexingConfig = ReturnType<typeof indexingConfig>;
