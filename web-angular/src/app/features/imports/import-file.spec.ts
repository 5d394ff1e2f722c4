import { importFormat } from './import-file';

describe('importFormat', () => {
  it('reads the format from the extension, then the type', () => {
    expect(importFormat({ name: 'videos.CSV', type: '' })).toBe('csv');
    expect(importFormat({ name: 'videos.jsonl', type: '' })).toBe('ndjson');
    expect(importFormat({ name: 'export', type: 'text/csv' })).toBe('csv');
    expect(importFormat({ name: 'export', type: 'application/x-ndjson' })).toBe('ndjson');
  });

  it('refuses anything else', () => {
    expect(importFormat({ name: 'videos.xlsx', type: 'application/vnd.ms-excel' })).toBeNull();
  });
});
