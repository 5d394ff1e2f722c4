import { InvalidSnapshotError } from '@search/engine/search-engine';
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a snapshot file holds besides the engine's bytes. */
export interface SnapshotHeader {
  /** Every row stamped (`updated_at`) before this is reflected in the engine bytes; replay starts here. */
  mark: string;
  takenAt: string;
}

export interface SnapshotFile {
  header: SnapshotHeader;
  engine: Buffer;
}

const MAGIC = Buffer.from('VSIXSNAP', 'latin1');
/** Bumped whenever the file layout changes, so an older file is rejected rather than misread. */
const FILE_FORMAT = 1;
const LENGTH_BYTES = 4;
const PREAMBLE_BYTES = MAGIC.length + LENGTH_BYTES;

interface StoredHeader extends SnapshotHeader {
  format: number;
  engineBytes: number;
  sha256: string;
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Magic, header length, JSON header (with a digest of the engine bytes, so a damaged file is caught), engine bytes. */
export function encodeSnapshot(header: SnapshotHeader, engine: Buffer): Buffer[] {
  const stored: StoredHeader = { format: FILE_FORMAT, ...header, engineBytes: engine.length, sha256: digest(engine) };
  const json = Buffer.from(JSON.stringify(stored), 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(json.length);
  return [MAGIC, length, json, engine];
}

function isStoredHeader(value: unknown): value is StoredHeader {
  const header = value as Partial<StoredHeader> | null;
  return (
    typeof header === 'object' &&
    header !== null &&
    typeof header.format === 'number' &&
    typeof header.mark === 'string' &&
    !Number.isNaN(Date.parse(header.mark)) &&
    typeof header.takenAt === 'string' &&
    typeof header.engineBytes === 'number' &&
    typeof header.sha256 === 'string'
  );
}

/** Throws `InvalidSnapshotError` for anything but an intact file of the current format. */
export function decodeSnapshot(file: Buffer): SnapshotFile {
  if (file.length < PREAMBLE_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new InvalidSnapshotError('not a search index snapshot file');
  }
  const headerEnd = PREAMBLE_BYTES + file.readUInt32BE(MAGIC.length);
  if (headerEnd > file.length) {
    throw new InvalidSnapshotError('truncated header');
  }
  let header: unknown;
  try {
    header = JSON.parse(file.subarray(PREAMBLE_BYTES, headerEnd).toString('utf8'));
  } catch {
    throw new InvalidSnapshotError('unreadable header');
  }
  if (!isStoredHeader(header)) {
    throw new InvalidSnapshotError('malformed header');
  }
  if (header.format !== FILE_FORMAT) {
    throw new InvalidSnapshotError(`file format ${header.format}, expected ${FILE_FORMAT}`);
  }
  const engine = file.subarray(headerEnd);
  if (engine.length !== header.engineBytes || digest(engine) !== header.sha256) {
    throw new InvalidSnapshotError('engine bytes do not match their digest (truncated or damaged file)');
  }
  return { header: { mark: header.mark, takenAt: header.takenAt }, engine };
}

/**
 * Writes a temporary file beside the target, flushes it to disk, then renames it over the target: a crash at any
 * point leaves either the previous snapshot or the new one, never a torn file.
 */
export async function writeFileAtomically(path: string, chunks: Buffer[]): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    const expected = chunks.reduce((total, chunk) => total + chunk.length, 0);
    const { bytesWritten } = await file.writev(chunks);
    if (bytesWritten !== expected) {
      throw new Error(`short write of ${temporary}: ${bytesWritten} of ${expected} bytes`);
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
