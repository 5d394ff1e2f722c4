import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { NESTS_TOO_DEEP, nestsDeeperThan } from '../common/validation/json-depth';
import type { ImportFormat } from './video-import.entity';

/** One data row as parsed (1-based, CSV header not counted), or why it could not be parsed. */
export type ParsedRow = { row: number; value: Record<string, unknown> } | { row: number; error: string };

export class BodyTooLargeError extends Error {}

/** Passes the body through while counting its bytes (refusing past `maxBytes`) and hashing it. */
export class MeteredBody extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new BodyTooLargeError(`the body exceeds ${this.maxBytes} bytes`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Rows of an NDJSON (one JSON object a line, blank lines skipped) or CSV body, read as the stream flows. */
export function parseRows(body: Readable, format: ImportFormat): AsyncGenerator<ParsedRow> {
  return format === 'csv' ? csvRows(body) : ndjsonRows(body);
}

async function* ndjsonRows(body: Readable): AsyncGenerator<ParsedRow> {
  let row = 0;
  for await (const line of createInterface({ input: body, crlfDelay: Infinity })) {
    if (line.trim() === '') {
      continue;
    }
    row += 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { row, error: 'row is not valid JSON' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { row, error: 'row must be a JSON object' };
      continue;
    }
    if (nestsDeeperThan(value)) {
      yield { row, error: `row ${NESTS_TOO_DEEP}` };
      continue;
    }
    yield { row, value: value as Record<string, unknown> };
  }
}

const CSV_COLUMNS = ['title', 'description', 'duration', 'tags'];

async function* csvRows(body: Readable): AsyncGenerator<ParsedRow> {
  const parser = body.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }),
  );
  body.on('error', (error) => parser.destroy(error));
  let row = 0;
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    row += 1;
    const unknownColumn = Object.keys(record).find((name) => !CSV_COLUMNS.includes(name));
    if (unknownColumn !== undefined) {
      yield { row, error: `unknown column ${unknownColumn}` };
      continue;
    }
    yield { row, value: csvRecordToVideo(record) };
  }
}

/** CSV cells are text: an empty cell is an absent field, duration must read as a whole number, tags split on | or ;. */
export function csvRecordToVideo(record: Record<string, string | undefined>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (record.title !== undefined && record.title !== '') {
    value.title = record.title;
  }
  if (record.description !== undefined && record.description !== '') {
    value.description = record.description;
  }
  if (record.duration !== undefined && record.duration.trim() !== '') {
    const text = record.duration.trim();
    value.duration = /^-?\d+$/.test(text) ? Number(text) : text;
  }
  if (record.tags !== undefined && record.tags.trim() !== '') {
    value.tags = record.tags.split(/[|;]/);
  }
  return value;
}
