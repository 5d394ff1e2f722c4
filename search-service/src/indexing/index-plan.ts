import type { EngineDocument, SearchEngine } from '@search/engine/search-engine';
import type { DocumentEntity } from './document.entity';

export type DocumentKey = Pick<DocumentEntity, 'ownerId' | 'videoId'>;

export interface VersionedDocument extends EngineDocument {
  version: number;
  captionsLanguage?: string;
}

export type IndexChange =
  | { kind: 'upsert'; document: VersionedDocument }
  | { kind: 'delete'; ownerId: number; videoId: number; version: number };

export interface IndexPlan {
  /** Rows to write: applied changes, plus reindex stamps on rows whose content was kept. */
  rows: DocumentEntity[];
  applied: number;
  skipped: number;
  engineUpserts: EngineDocument[];
  engineRemovals: Array<{ ownerId: number; videoId: number }>;
}

export function documentKey(ownerId: number, videoId: number): string {
  return `${ownerId}:${videoId}`;
}

function changeKey(change: IndexChange): string {
  return change.kind === 'upsert'
    ? documentKey(change.document.ownerId, change.document.videoId)
    : documentKey(change.ownerId, change.videoId);
}

function changeVersion(change: IndexChange): number {
  return change.kind === 'upsert' ? change.document.version : change.version;
}

function toRow(change: IndexChange, now: string, reindexId: string | null): DocumentEntity {
  if (change.kind === 'upsert') {
    const { ownerId, videoId, version, title, description, tags, duration } = change.document;
    const createdAt = change.document.createdAt ?? null;
    const captions = change.document.captions ?? [];
    return {
      ownerId,
      videoId,
      version,
      title,
      description,
      tags,
      duration,
      createdAt,
      captions: captions.length > 0 ? captions : null,
      captionsLanguage: captions.length > 0 ? (change.document.captionsLanguage ?? null) : null,
      deleted: false,
      reindexId,
      updatedAt: now,
    };
  }
  const { ownerId, videoId, version } = change;
  return {
    ownerId,
    videoId,
    version,
    title: '',
    description: '',
    tags: [],
    duration: 0,
    createdAt: null,
    captions: null,
    captionsLanguage: null,
    deleted: true,
    reindexId,
    updatedAt: now,
  };
}

export function toEngineDocument(row: DocumentEntity): EngineDocument {
  const { ownerId, videoId, title, description, tags, duration, createdAt, captions } = row;
  return {
    ownerId,
    videoId,
    title,
    description,
    tags,
    duration,
    createdAt: createdAt ?? undefined,
    captions: captions ?? undefined,
  };
}

/**
 * Decides, without touching storage, what a batch changes: a change applies only when its version is newer than
 * the one held (tombstones included), so redelivered, reordered or stale batches are harmless. Within a reindex,
 * every sent video is stamped with the reindex id, even when newer content is kept, so the last batch spares it.
 */
export function planIndexChanges(
  held: ReadonlyMap<string, DocumentEntity>,
  changes: readonly IndexChange[],
  now: string,
  reindexId: string | null = null,
): IndexPlan {
  const working = new Map(held);
  const touched = new Map<string, DocumentEntity>();
  const appliedKeys = new Set<string>();
  let applied = 0;
  let skipped = 0;
  for (const change of changes) {
    const key = changeKey(change);
    const current = working.get(key);
    if (current && current.version >= changeVersion(change)) {
      skipped += 1;
      if (reindexId !== null && current.reindexId !== reindexId) {
        const stamped = { ...current, reindexId, updatedAt: now };
        working.set(key, stamped);
        touched.set(key, stamped);
      }
      continue;
    }
    const row = toRow(change, now, reindexId ?? current?.reindexId ?? null);
    working.set(key, row);
    touched.set(key, row);
    appliedKeys.add(key);
    applied += 1;
  }
  const engineUpserts: EngineDocument[] = [];
  const engineRemovals: Array<{ ownerId: number; videoId: number }> = [];
  for (const key of appliedKeys) {
    const row = touched.get(key) as DocumentEntity;
    if (row.deleted) {
      engineRemovals.push({ ownerId: row.ownerId, videoId: row.videoId });
    } else {
      engineUpserts.push(toEngineDocument(row));
    }
  }
  return { rows: [...touched.values()], applied, skipped, engineUpserts, engineRemovals };
}

/** Brings the engine to the state the rows describe: live rows upserted, tombstones removed. */
export function applyRows(engine: SearchEngine, rows: DocumentEntity[]): void {
  const live = rows.filter((row) => !row.deleted);
  if (live.length > 0) {
    engine.upsert(live.map(toEngineDocument));
  }
  removeFromEngine(
    engine,
    rows.filter((row) => row.deleted),
  );
}

/** Removes the given videos from the engine, one call per owner. */
export function removeFromEngine(engine: SearchEngine, keys: ReadonlyArray<DocumentKey>): void {
  videoIdsByOwner(keys).forEach((videoIds, ownerId) => engine.remove(ownerId, videoIds));
}

/** The keys' video ids grouped by owner, in the keys' order. */
export function videoIdsByOwner(keys: ReadonlyArray<DocumentKey>): Map<number, number[]> {
  const byOwner = new Map<number, number[]>();
  for (const { ownerId, videoId } of keys) {
    const videoIds = byOwner.get(ownerId);
    if (videoIds) {
      videoIds.push(videoId);
    } else {
      byOwner.set(ownerId, [videoId]);
    }
  }
  return byOwner;
}
