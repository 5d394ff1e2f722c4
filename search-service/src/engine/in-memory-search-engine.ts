import { deserialize, serialize } from 'node:v8';
import { ALGORITHMS } from './algorithms/algorithm-registry';
import { AnalyzedQuery, SearchAlgorithm } from './algorithms/search-algorithm';
import { Analyzer } from './analysis/analyzer';
import { normalizedTags, OwnerIndex, OwnerIndexSnapshot } from './index/owner-index';
import { ProximityReranker, RERANK_DEPTH } from './scoring/proximity-reranker';
import { QueryExecutor } from './scoring/query-executor';
import { SlotFilter } from './scoring/query-plan';
import {
  AlgorithmDescription,
  EngineDocument,
  EngineHit,
  EngineQuery,
  EngineStats,
  InvalidSnapshotError,
  SearchEngine,
  UnknownAlgorithmError,
} from './search-engine';
import { SnippetBuilder } from './snippet/snippet-builder';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Words beyond this are ignored; a clause per word is scored and coverage is counted in a byte. */
const MAX_QUERY_WORDS = 32;
const TRAILING_WORD_CHARACTER = /[\p{L}\p{N}]$/u;

/** Per-owner in-memory indexes behind the `SearchEngine` boundary. */
export class InMemorySearchEngine implements SearchEngine {
  private readonly owners = new Map<number, OwnerIndex>();
  private readonly analyzer = new Analyzer();
  private readonly executor = new QueryExecutor();
  private readonly reranker = new ProximityReranker(this.analyzer);
  private readonly snippets = new SnippetBuilder(this.analyzer);
  private readonly algorithmsByName = new Map<string, SearchAlgorithm>();
  private readonly defaultAlgorithm: SearchAlgorithm;

  constructor() {
    for (const Algorithm of ALGORITHMS) {
      const algorithm = new Algorithm(this.analyzer);
      this.algorithmsByName.set(algorithm.name, algorithm);
    }
    this.defaultAlgorithm = this.algorithmsByName.values().next().value as SearchAlgorithm;
  }

  upsert(documents: EngineDocument[]): void {
    const changed = new Set<OwnerIndex>();
    for (const document of documents) {
      let index = this.owners.get(document.ownerId);
      if (!index) {
        index = new OwnerIndex(this.analyzer);
        this.owners.set(document.ownerId, index);
      }
      index.upsert(document);
      changed.add(index);
    }
    for (const index of changed) {
      index.prepare();
    }
  }

  remove(ownerId: number, videoIds: number[]): void {
    const index = this.owners.get(ownerId);
    if (!index) {
      return;
    }
    for (const videoId of videoIds) {
      index.remove(videoId);
    }
    index.prepare();
    if (index.documentCount === 0) {
      this.owners.delete(ownerId);
    }
  }

  removeOwner(ownerId: number): void {
    this.owners.delete(ownerId);
  }

  search(query: EngineQuery): EngineHit[] {
    const algorithm = this.algorithm(query.algorithm);
    const index = this.owners.get(query.ownerId);
    const analyzed = this.analyze(query.text);
    if (!index || analyzed.words.length === 0) {
      return [];
    }
    const filter = buildFilter(index, query);
    if (filter === 'none') {
      return [];
    }
    const clauses = algorithm.plan(analyzed, index);
    const limit = clampLimit(query.limit);
    const candidates = this.executor.execute(index, clauses, filter, Math.max(limit, RERANK_DEPTH));
    const ranked = this.reranker.rerank(index, clauses, candidates).slice(0, limit);
    const matchedTerms = new Set(clauses.flatMap((clause) => clause.expansions.map((expansion) => expansion.term)));
    return ranked.map(({ slot, score }) => {
      const snippet = this.snippets.build(index, slot, matchedTerms);
      return {
        videoId: index.videoId(slot),
        title: index.title(slot),
        score: Math.min(1, Math.max(0, score)),
        matchedText: snippet.matchedText,
        matchedFields: snippet.matchedFields,
      };
    });
  }

  algorithms(): AlgorithmDescription[] {
    return [...this.algorithmsByName.values()].map((algorithm) => ({
      name: algorithm.name,
      description: algorithm.description,
      isDefault: algorithm === this.defaultAlgorithm,
    }));
  }

  stats(ownerId?: number): EngineStats {
    const indexes = ownerId === undefined ? [...this.owners.values()] : [this.owners.get(ownerId)];
    let documents = 0;
    let vocabularySize = 0;
    let owners = 0;
    for (const index of indexes) {
      if (index) {
        owners++;
        documents += index.documentCount;
        vocabularySize += index.vocabulary.size();
      }
    }
    return { documents, owners, vocabularySize };
  }

  snapshot(): Buffer {
    const owners: Array<[number, OwnerIndexSnapshot]> = [];
    for (const [ownerId, index] of this.owners) {
      owners.push([ownerId, index.toSnapshot()]);
    }
    return serialize({ format: SNAPSHOT_FORMAT, owners } satisfies EngineSnapshot);
  }

  restore(snapshot: Buffer): void {
    let decoded: unknown;
    try {
      decoded = deserialize(snapshot);
    } catch (error: unknown) {
      throw new InvalidSnapshotError(error instanceof Error ? error.message : String(error));
    }
    if (!isEngineSnapshot(decoded)) {
      throw new InvalidSnapshotError(`expected format ${SNAPSHOT_FORMAT}`);
    }
    this.owners.clear();
    for (const [ownerId, owner] of decoded.owners) {
      this.owners.set(ownerId, new OwnerIndex(this.analyzer, owner));
    }
  }

  private algorithm(name: string | undefined): SearchAlgorithm {
    if (name === undefined || name === '') {
      return this.defaultAlgorithm;
    }
    const algorithm = this.algorithmsByName.get(name);
    if (!algorithm) {
      throw new UnknownAlgorithmError(name);
    }
    return algorithm;
  }

  private analyze(text: string): AnalyzedQuery {
    const all = this.analyzer.words(text);
    const lastWordIsPrefix = TRAILING_WORD_CHARACTER.test(text);
    const kept = all.filter(
      (word, position) => !this.analyzer.isStopWord(word) || (lastWordIsPrefix && position === all.length - 1),
    );
    const words = [...new Set(kept)].slice(0, MAX_QUERY_WORDS);
    return { words, lastWordIsPrefix: lastWordIsPrefix && words.at(-1) === all.at(-1) };
  }
}

/** Bumped whenever the snapshot layout changes, so an old file is rejected rather than misread. */
const SNAPSHOT_FORMAT = 'videosearch-engine/1';

interface EngineSnapshot {
  format: string;
  owners: Array<[number, OwnerIndexSnapshot]>;
}

function isEngineSnapshot(value: unknown): value is EngineSnapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as EngineSnapshot).format === SNAPSHOT_FORMAT &&
    Array.isArray((value as EngineSnapshot).owners)
  );
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit) || limit < 1) {
    return DEFAULT_LIMIT;
  }
  return Math.min(Math.floor(limit), MAX_LIMIT);
}

/**
 * The candidate restriction for a query's filters, checked for each posting before it is scored. Returns
 * `'none'` when a filter can match nothing (an unknown tag, ids not in the index), `null` when unfiltered.
 */
function buildFilter(index: OwnerIndex, query: EngineQuery): SlotFilter | null | 'none' {
  const checks: SlotFilter[] = [];
  if (query.videoIds !== undefined && query.videoIds.length > 0) {
    const slots = new Set<number>();
    for (const videoId of query.videoIds) {
      const slot = index.slotOf(videoId);
      if (slot !== undefined) {
        slots.add(slot);
      }
    }
    if (slots.size === 0) {
      return 'none';
    }
    checks.push((slot) => slots.has(slot));
  }
  const tags = normalizedTags(query.tags ?? []);
  if (tags.size > 0) {
    const tagged = index.slotsWithAllTags(tags);
    if (!tagged) {
      return 'none';
    }
    checks.push(tagged);
  }
  const min = query.minDuration;
  const max = query.maxDuration;
  if (min !== undefined || max !== undefined) {
    const low = min ?? -Infinity;
    const high = max ?? Infinity;
    if (low > high) {
      return 'none';
    }
    checks.push((slot) => {
      const duration = index.duration(slot);
      return duration >= low && duration <= high;
    });
  }
  if (checks.length === 0) {
    return null;
  }
  return checks.length === 1 ? checks[0] : (slot) => checks.every((check) => check(slot));
}
