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
  /** ISO 8601; filters and sorts by creation time. Missing sorts first ascending and fails a created_* filter. */
  createdAt?: string;
  /** The video's captions in time order; each is indexed with its times so a search can answer the moment. */
  captions?: EngineCue[];
}

export interface EngineCue {
  /** Milliseconds from the start of the video. */
  startMs: number;
  endMs: number;
  text: string;
}

/** Where a query matched a video's captions. */
export interface EngineMoment {
  startMs: number;
  endMs: number;
  /** The cue's text with the matched words between the highlight tags. */
  text: string;
}

export type FacetName = 'tags' | 'duration';
export type SortField = 'relevance' | 'duration' | 'created_at' | 'title';
export interface SortCriterion {
  field: SortField;
  direction: 'asc' | 'desc';
}

/** Per-owner search settings; every field has a default equal to the engine's behaviour without settings. */
export interface EngineSettings {
  /** Lower-cased query word to the words it also finds (one-way). */
  synonyms: Record<string, string[]>;
  /** Extra query words to ignore, on top of the built-in stop words. */
  stopWords: string[];
  typoTolerance: { enabled: boolean; minWordSizeOneTypo: number; minWordSizeTwoTypos: number };
  fieldWeights: { title: number; description: number; tags: number };
}

export interface EngineQuery {
  ownerId: number;
  text: string;
  /** A name from `algorithms()`; empty or undefined selects the default. */
  algorithm?: string;
  videoIds?: number[];
  minDuration?: number;
  maxDuration?: number;
  /** Any-of: at least one tag must be present (case-insensitive). */
  tags?: string[];
  /** All-of: every tag must be present (case-insensitive). */
  tagsAll?: string[];
  /** None-of: videos with any of these tags are left out. */
  tagsNot?: string[];
  /** Inclusive ISO 8601 bounds on `createdAt`. */
  createdAfter?: string;
  createdBefore?: string;
  /** Defaults to 20. */
  limit?: number;
  /** Matches skipped before the first hit returned; defaults to 0. */
  offset?: number;
  /** Counted over every match, not only the returned page. */
  facets?: FacetName[];
  /** Empty or undefined sorts by relevance; relevance always breaks the remaining ties. */
  sort?: SortCriterion[];
  /** Defaults to `<mark>` / `</mark>`. */
  highlightPreTag?: string;
  highlightPostTag?: string;
  /** Words kept around the best match in the description highlight; defaults to 30. */
  cropLength?: number;
  /** Undefined uses the defaults. */
  settings?: EngineSettings;
  /** Adds an `explanation` to each returned hit; computed for the page only, after ranking. */
  explain?: boolean;
}

export interface EngineHighlights {
  title: string;
  description: string;
  tags: string[];
}

export interface EngineSearchResult {
  hits: EngineHit[];
  /** Every match after the filters, not only the returned page. */
  totalHits: number;
  /** Per requested facet: value to count, over every match. Duration buckets: 0-60, 60-300, 300-1200, 1200+. */
  facetDistribution: Partial<Record<FacetName, Record<string, number>>>;
}

export interface EngineSuggestion {
  word: string;
  /** Documents of the owner holding the word. */
  documents: number;
}

export interface EngineHit {
  videoId: number;
  title: string;
  /** Relevance, 0..1; descending across the returned hits unless `sort` orders them otherwise. */
  score: number;
  /** Snippet of the best matching field, matched words wrapped in `<mark></mark>`. */
  matchedText: string;
  matchedFields: Array<'title' | 'description' | 'tags' | 'captions'>;
  highlights: EngineHighlights;
  /** Best first, at most `MAX_MOMENTS`; empty when the captions did not match. */
  moments: EngineMoment[];
  /** Only when the query asked to `explain`. */
  explanation?: EngineExplanation;
}

/** How a query word reached the document: as typed, through its stem, or through an expansion. */
export type EngineMatchKind = 'exact' | 'stemmed' | 'synonym' | 'prefix' | 'typo' | 'phonetic' | 'none';

export interface EngineFieldMatch {
  field: 'title' | 'description' | 'tags';
  /** Occurrences of the matched term in the field. */
  frequency: number;
  /** The owner's weight of the field. */
  weight: number;
  /** BM25 length normalisation: above 1 for a field longer than average. */
  lengthNorm: number;
}

export interface EngineWordExplanation {
  word: string;
  kind: EngineMatchKind;
  /** The document's word the query word matched; empty for `none`. */
  matched: string;
  /** Edits between the query word and `matched` for a typo match, else 0. */
  typoDistance: number;
  /** The expansion's weight: 1 for the word's own stem, lower for a synonym, completion, typo or sound-alike. */
  expansionWeight: number;
  idf: number;
  fields: EngineFieldMatch[];
  /** Field-weighted, length-normalised term frequency: the sum over `fields` of weight * frequency / lengthNorm. */
  termFrequency: number;
  /** BM25F score of the word: expansionWeight * idf * termFrequency / (k1 + termFrequency). */
  rawScore: number;
  /** Its share of the relevance score: rawScore / normalization * coverageFactor * proximity.kept. */
  part: number;
  /** Where the word was said in the video's captions (its best moment holding it); null when they do not. */
  captionCue: EngineWordCaptionCue | null;
}

export interface EngineWordCaptionCue {
  startMs: number;
  endMs: number;
  /** The cue's plain text. */
  text: string;
  /** The cue's word the query word matched. */
  matched: string;
}

export interface EngineProximityExplanation {
  /** 0..1: consecutive query words found close together in query order. */
  pairScore: number;
  /** 0..1: share of query words found exactly as typed. */
  asTypedShare: number;
  /** Share of the first-pass score kept before the proximity evidence earns the rest. */
  kept: number;
}

/**
 * Why a hit scored what it did. `parts` add up to `score` (the hit's relevance, within float rounding):
 * the words' parts, then the proximity and exact-match bonuses of the reranked head, then what the captions add,
 * then `rankCap` (negative when a match below the reranked head was capped to the head's lowest score).
 */
export interface EngineExplanation {
  words: EngineWordExplanation[];
  /** The query's attainable raw score (the sum of its words' idf) every raw score is divided by. */
  normalization: number;
  /** Share of the query words the document's fields matched. */
  coverage: number;
  /** coverage ** 2: documents missing words are pushed down. */
  coverageFactor: number;
  /** The first-pass score: sum of raw scores / normalization * coverageFactor. */
  fieldsScore: number;
  /** Absent for a hit outside the reranked head. */
  proximity?: EngineProximityExplanation;
  /** 0..1: the best caption window's score; 0 when the captions did not match. */
  captionScore: number;
  /** The best matching caption cue, empty when none matched. */
  captionCue: string;
  parts: { words: number; proximity: number; exactMatchBonus: number; captions: number; rankCap: number };
  score: number;
}

/** The library word closest to a query word the library lacks. */
export interface EngineNearestWord {
  word: string;
  /** Edits between the query word and `word`: 1 or 2. */
  distance: number;
  documents: number;
}

export interface EngineWordInspection {
  /** Folded, as the engine compares it. */
  word: string;
  /** `built_in` words are never indexed; `owner` words are dropped from queries holding other words. */
  stopWord: 'built_in' | 'owner' | null;
  /** The owner's documents holding the word or another word of its stem. */
  documents: number;
  /** Only for a word no document holds: the closest word within two edits, or null. */
  nearest: EngineNearestWord | null;
  /** Whether the settings' typo tolerance expands the word to `nearest` (for the typo-tolerant algorithms). */
  typoReachesNearest: boolean;
}

export interface EngineQueryInspection {
  /** The owner's documents. */
  documents: number;
  /** One per distinct query word, in query order. */
  words: EngineWordInspection[];
}

export interface AlgorithmDescription {
  name: string;
  description: string;
  isDefault: boolean;
}

export interface EngineStats {
  documents: number;
  /** Caption cues indexed. */
  cues: number;
  owners: number;
  vocabularySize: number;
}

export interface SearchEngine {
  /** Inserts or replaces documents by (ownerId, videoId); visible to the next search. */
  upsert(documents: EngineDocument[]): void;
  remove(ownerId: number, videoIds: number[]): void;
  removeOwner(ownerId: number): void;
  /** Throws `UnknownAlgorithmError` for a name `algorithms()` does not list. */
  search(query: EngineQuery): EngineSearchResult;
  /** Words of the owner's documents that start with the (analysed) prefix, most documents first. */
  suggest(ownerId: number, prefix: string, limit: number): EngineSuggestion[];
  /** What the owner's index knows of each word of `text` under `settings` (undefined: the defaults). */
  inspect(ownerId: number, text: string, settings?: EngineSettings): EngineQueryInspection;
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
