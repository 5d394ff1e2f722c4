/** IMPORT_MAX_BYTES (default 100 MB), IMPORT_MAX_ROWS (100,000), IMPORT_BATCH_SIZE (rows a transaction, 500). */
export interface ImportsConfig {
  maxBytes: number;
  maxRows: number;
  batchSize: number;
  pollMs: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer`);
  }
  return value;
}

export function importsConfig(): ImportsConfig {
  return {
    maxBytes: positiveInt('IMPORT_MAX_BYTES', 100 * 1024 * 1024),
    maxRows: positiveInt('IMPORT_MAX_ROWS', 100_000),
    batchSize: positiveInt('IMPORT_BATCH_SIZE', 500),
    pollMs: positiveInt('IMPORT_POLL_MS', 500),
  };
}
