import type { ImportFormat } from './video-import.entity';

/** Media types the import route reads as a stream; application/octet-stream needs `format=`. */
export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat | undefined> = {
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
  'application/octet-stream': undefined,
};
