/**
 * The boundary between the search service's plumbing (gRPC, persistence, jobs) and the in-memory
 * ranking engine. The plumbing feeds documents in and asks owner-scoped queries; the engine owns
 * tokenisation, the inverted index and the algorithms.
 */

export interface EngineDocument {
  ownerId: number;
  videoId: number;
  title: string;
  description: string;
  tags: string[];
  /** Seconds. */
  duration: number;
}

export interface EngineQuery {
  ownerId: number;
  text: string;
  /** A name from `algorithms()`; empty or undefined selects the default. */
  algorithm?: string;
  videoIds?: number[];
  minDuration?: number;
  maxDuration?: number;
  /** Every tag must be present (case-insensitive). */
  tags?: string[];
  /** Defaults to 20. */
  limit?: number;
}

export interface EngineHit {
  videoId: number;
  title: string;
  /** 0..1, descending across the returned hits. */
  score: number;
  /** Snippet of the best matching field, matched words wrapped in `<mark></mark>`. */
  matchedText: string;
  matchedFields: Array<'title' | 'description' | 'tags'>;
}

export interface AlgorithmDescription {
  name: string;
  description: string;
  isDefault: boolean;
}

export interface EngineStats {
  documents: number;
  owners: number;
  vocabularySize: number;
}

export interface SearchEngine {
  /** Inserts or replaces documents by (ownerId, videoId); visible to the next search. */
  upsert(documents: EngineDocument[]): void;
  remove(ownerId: number, videoIds: number[]): void;
  removeOwner(ownerId: number): void;
  /** Throws `UnknownAlgorithmError` for a name `algorithms()` does not list. */
  search(query: EngineQuery): EngineHit[];
  algorithms(): AlgorithmDescription[];
  stats(ownerId?: number): EngineStats;
  /**
   * The whole index as bytes, so a restarted service can `restore` it instead of re-analysing every
   * document; changes made after the snapshot must be replayed through `upsert` / `remove`.
   */
  snapshot(): Buffer;
  /** Replaces the index with a `snapshot()`; throws `InvalidSnapshotError` when the bytes are not one. */
  restore(snapshot: Buffer): void;
}

export class UnknownAlgorithmError extends Error {
  constructor(readonly algorithm: string) {
    super(`Unknown algorithm "${algorithm}"`);
    this.name = 'UnknownAlgorithmError';
  }
}

export class InvalidSnapshotError extends Error {
  constructor(reason: string) {
    super(`Invalid search index snapshot: ${reason}`);
    this.name = 'InvalidSnapshotError';
  }
}
