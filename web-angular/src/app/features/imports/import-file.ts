export type ImportFormat = 'ndjson' | 'csv';

/** The format of a chosen file, by its extension and then its type; null when it is neither. */
export function importFormat(file: Pick<File, 'name' | 'type'>): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') {
    return 'csv';
  }
  if (/\.(ndjson|jsonl|json)$/.test(name) || file.type === 'application/x-ndjson') {
    return 'ndjson';
  }
  return null;
}

export type ImportPhase = 'uploading' | 'storing' | 'indexing' | 'searchable' | 'failed';

export function phaseLabel(phase: ImportPhase): string {
  return {
    uploading: 'Uploading',
    storing: 'Validating and storing rows',
    indexing: 'Indexing for search',
    searchable: 'Every imported row is searchable',
    failed: 'Import failed',
  }[phase];
}
