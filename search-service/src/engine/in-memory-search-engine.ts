import { deserialize, serialize } from 'node:v8';
import { ALGORITHMS } from './algorithms/algorithm-registry';
import { AnalyzedQuery, SearchAlgorithm } from './algorithms/search-algorithm';
import { Analyzer } from './analysis/analyzer';
import { QuerySettings, QuerySettingsCompiler } from './analysis/query-settings';
import { CaptionIndex, CaptionIndexSnapshot } from './captions/caption-index';
import { mergeCaptionMatches } from './captions/caption-ranking';
import { CaptionSearch } from './captions/caption-search';
import { wordCaptionCues } from './captions/word-caption-cues';
import { QueryInspector } from './diagnosis/query-inspector';
import { normalizedTags, OwnerIndex, OwnerIndexSnapshot } from './index/owner-index';
import { countFacets } from './scoring/facet-counter';
import { MatchSorter } from './scoring/match-sorter';
import { ProximityReranker, RERANK_DEPTH } from './scoring/proximity-reranker';
import { MatchSet, QueryExecutor } from './scoring/query-executor';
import { SlotFilter } from './scoring/query-plan';
import { ScoreExplainer } from './scoring/score-explainer';
import {
  AlgorithmDescription,
  EngineDocument,
  EngineHit,
  EngineQuery,
  EngineQueryInspection,
  EngineSearchResult,
  EngineSettings,
  EngineStats,
  EngineSuggestion,
  EngineWordCaptionCue,
  FacetName,
  InvalidSnapshotError,
  SearchEngine,
  SortCriterion,
  UnknownAlgorithmError,
} from './search-engine';
import {
  DEFAULT_CROP_LENGTH,
  DEFAULT_POST_TAG,
  DEFAULT_PRE_TAG,
  HighlightOptions,
  SnippetBuilder,
} from './snippet/snippet-builder';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Completions a `suggest` returns at most; a dropdown shows a handful. */
const MAX_SUGGESTIONS = 100;
/** Words beyond this are ignored; a clause per word is scored and coverage is counted in a byte. */
const MAX_QUERY_WORDS = 32;
const TRAILING_WORD_CHARACTER = /[\p{L}\p{N}]$/u;

/** Per-owner in-memory indexes behind the `SearchEngine` boundary. */
export class InMemorySearchEngine implements SearchEngine {
  private readonly owners = new Map<number, OwnerIndex>();
  /** Per owner with captions: their cues, in an index of their own beside the videos'. */
  private readonly captions = new Map<number, CaptionIndex>();
  private readonly analyzer = new Analyzer();
  private readonly executor = new QueryExecutor();
  private readonly reranker = new ProximityReranker(this.analyzer);
  private readonly snippets = new SnippetBuilder(this.analyzer);
  private readonly sorter = new MatchSorter();
  private readonly explainer = new ScoreExplainer(this.analyzer, this.reranker);
  private readonly captionSearch = new CaptionSearch(this.analyzer, this.executor, this.reranker);
  private readonly settings = new QuerySettingsCompiler(this.analyzer);
  private readonly inspector = new QueryInspector(this.analyzer);
  private readonly algorithmsByName = new Map<string, SearchAlgorithm>();
  private readonly defaultAlgorithm: SearchAlgorithm;
  /** Filled by each search with every match (the executor's scratch arrays). */
  private readonly matches: MatchSet = { count: 0, slots: new Int32Array(0), scores: new Float32Array(0) };

  constructor() {
    for (const Algorithm of ALGORITHMS) {
      const algorithm = new Algorithm(this.analyzer);
      this.algorithmsByName.set(algorithm.name, algorithm);
    }
    this.defaultAlgorithm = this.algorithmsByName.values().next().value as SearchAlgorithm;
  }

  upsert(documents: EngineDocument[]): void {
    const changed = new Set<OwnerIndex | CaptionIndex>();
    for (const document of documents) {
      let index = this.owners.get(document.ownerId);
      if (!index) {
        index = new OwnerIndex(this.analyzer);
        this.owners.set(document.ownerId, index);
      }
      index.upsert(document);
      changed.add(index);
      const captions = this.captionsOf(document.ownerId, (document.captions ?? []).length > 0);
      if (captions) {
        captions.replace(document.videoId, index.slotOf(document.videoId) as number, document.captions ?? []);
        changed.add(captions);
      }
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
    const captions = this.captions.get(ownerId);
    for (const videoId of videoIds) {
      index.remove(videoId);
      captions?.remove(videoId);
    }
    index.prepare();
    captions?.prepare();
    if (index.documentCount === 0) {
      this.owners.delete(ownerId);
    }
    if (captions?.videoCount === 0) {
      this.captions.delete(ownerId);
    }
  }

  removeOwner(ownerId: number): void {
    this.owners.delete(ownerId);
    this.captions.delete(ownerId);
  }

  search(query: EngineQuery): EngineSearchResult {
    const algorithm = this.algorithm(query.algorithm);
    const index = this.owners.get(query.ownerId);
    const settings = this.settings.resolve(query.settings);
    const analyzed = this.analyze(query.text, settings);
    if (!index || analyzed.words.length === 0) {
      return emptyResult(query);
    }
    const filter = buildFilter(index, query);
    if (filter === 'none') {
      return emptyResult(query);
    }
    const clauses = algorithm.plan(analyzed, index, settings);
    const limit = clampLimit(query.limit);
    const offset = clampOffset(query.offset);
    const matches = this.matches;
    const sort = sortCriteria(query.sort);
    // A sorted page can come from anywhere in the matches; only the reranked head is needed for its relevance.
    const depth = sort ? RERANK_DEPTH : Math.max(offset + limit, RERANK_DEPTH);
    const candidates = this.executor.execute(index, clauses, filter, depth, matches, settings.fieldWeights);
    let reranked = this.reranker.rerank(index, clauses, candidates);
    const proximityHead = query.explain ? new Set(reranked.slice(0, RERANK_DEPTH).map(({ slot }) => slot)) : null;
    let all: MatchSet = matches;
    const captions = this.captions.get(query.ownerId);
    const captionMatches = captions
      ? this.captionSearch.match(captions, index, algorithm, analyzed, settings, filter)
      : null;
    if (captionMatches) {
      ({ all, head: reranked } = mergeCaptionMatches(matches, reranked, captionMatches.best, depth));
    }
    const ranked = sort
      ? this.sorter.page(index, all, reranked, sort, offset, limit)
      : reranked.slice(offset, offset + limit);
    const matchedTerms = new Set(clauses.flatMap((clause) => clause.expansions.map((expansion) => expansion.term)));
    const options = highlightOptions(query);
    const moments = captionMatches
      ? this.captionSearch.moments(
          captionMatches,
          ranked.map(({ slot }) => slot),
          options,
        )
      : null;
    const matcher = this.snippets.matcher(index, matchedTerms);
    const hits = ranked.map(({ slot, score }): EngineHit => {
      const snippet = this.snippets.build(index, slot, matcher, options);
      const found = moments?.get(slot);
      const hit: EngineHit = {
        videoId: index.videoId(slot),
        title: index.title(slot),
        score: Math.min(1, Math.max(0, score)),
        matchedText: snippet.matchedFields.length === 0 && found ? found.matchedText : snippet.matchedText,
        matchedFields: found ? [...snippet.matchedFields, 'captions'] : snippet.matchedFields,
        highlights: snippet.highlights,
        moments: found?.moments ?? [],
      };
      if (proximityHead) {
        hit.explanation = this.explainer.explain(index, clauses, settings.fieldWeights, slot, {
          reranked: proximityHead.has(slot),
          captionScore: captionMatches?.best.get(slot) ?? 0,
          captionCue: found?.moments[0]?.text ?? '',
          wordCues: found ? wordCaptionCues(this.analyzer, analyzed.words, found.moments, options) : NO_CUES,
          score: hit.score,
        });
      }
      return hit;
    });
    const facets = requestedFacets(query);
    return { hits, totalHits: all.count, facetDistribution: facets ? countFacets(index, all, facets) : {} };
  }

  suggest(ownerId: number, prefix: string, limit: number): EngineSuggestion[] {
    const index = this.owners.get(ownerId);
    const word = this.analyzer.words(prefix).at(-1);
    if (!index || word === undefined || !Number.isFinite(limit)) {
      return [];
    }
    return index.vocabulary
      .completions(word, Math.min(Math.floor(limit), MAX_SUGGESTIONS))
      .map(({ id, documents }) => ({ word: index.vocabulary.word(id), documents }));
  }

  inspect(ownerId: number, text: string, settings?: EngineSettings): EngineQueryInspection {
    return this.inspector.inspect(this.owners.get(ownerId), text, this.settings.resolve(settings));
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
    let cues = 0;
    for (const [owner, captions] of this.captions) {
      if (ownerId === undefined || owner === ownerId) {
        cues += captions.cueCount;
      }
    }
    return { documents, cues, owners, vocabularySize };
  }

  snapshot(): Buffer {
    const owners: Array<[number, OwnerIndexSnapshot]> = [];
    for (const [ownerId, index] of this.owners) {
      owners.push([ownerId, index.toSnapshot()]);
    }
    const captions: Array<[number, CaptionIndexSnapshot]> = [];
    for (const [ownerId, index] of this.captions) {
      captions.push([ownerId, index.toSnapshot()]);
    }
    return serialize({ format: SNAPSHOT_FORMAT, owners, captions } satisfies EngineSnapshot);
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
    this.captions.clear();
    for (const [ownerId, owner] of decoded.owners) {
      this.owners.set(ownerId, new OwnerIndex(this.analyzer, owner));
    }
    for (const [ownerId, captions] of decoded.captions) {
      this.captions.set(ownerId, new CaptionIndex(this.analyzer, captions));
    }
  }

  /** The owner's caption index; created only when `create`, since most owners have no captions. */
  private captionsOf(ownerId: number, create: boolean): CaptionIndex | undefined {
    let captions = this.captions.get(ownerId);
    if (!captions && create) {
      captions = new CaptionIndex(this.analyzer);
      this.captions.set(ownerId, captions);
    }
    return captions;
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

  /**
   * Folded query words without stop words. A word being typed is kept even when it is a built-in stop word
   * (its completions are what the user is after); the owner's extra stop words are indexed words, so they are
   * dropped wherever they stand, unless the query holds nothing else.
   */
  private analyze(text: string, settings: QuerySettings): AnalyzedQuery {
    const all = this.analyzer.words(text);
    const lastWordIsPrefix = TRAILING_WORD_CHARACTER.test(text);
    let kept = all.filter(
      (word, position) => !this.analyzer.isStopWord(word) || (lastWordIsPrefix && position === all.length - 1),
    );
    if (settings.stopWords.size > 0) {
      const meaningful = kept.filter((word) => !settings.stopWords.has(word));
      kept = meaningful.length > 0 ? meaningful : kept;
    }
    const words = [...new Set(kept)].slice(0, MAX_QUERY_WORDS);
    return { words, lastWordIsPrefix: lastWordIsPrefix && words.at(-1) === all.at(-1) };
  }
}

/**
 * Bumped whenever the snapshot layout changes, so an old file is rejected rather than misread (the service
 * then loads every document again). 2: creation times and the display form of tags; 3: captions.
 */
const SNAPSHOT_FORMAT = 'videosearch-engine/3';

interface EngineSnapshot {
  format: string;
  owners: Array<[number, OwnerIndexSnapshot]>;
  captions: Array<[number, CaptionIndexSnapshot]>;
}

function isEngineSnapshot(value: unknown): value is EngineSnapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as EngineSnapshot).format === SNAPSHOT_FORMAT &&
    Array.isArray((value as EngineSnapshot).owners) &&
    Array.isArray((value as EngineSnapshot).captions)
  );
}

const NO_CUES: ReadonlyMap<string, EngineWordCaptionCue> = new Map();
const NO_MATCHES: MatchSet = { count: 0, slots: new Int32Array(0), scores: new Float32Array(0) };

function emptyResult(query: EngineQuery): EngineSearchResult {
  const facets = requestedFacets(query);
  return { hits: [], totalHits: 0, facetDistribution: facets ? countFacets(undefined, NO_MATCHES, facets) : {} };
}

function requestedFacets(query: EngineQuery): ReadonlySet<FacetName> | null {
  return query.facets !== undefined && query.facets.length > 0 ? new Set(query.facets) : null;
}

/** The sort criteria, or null for the relevance order (no criteria, or relevance descending alone). */
function sortCriteria(sort: readonly SortCriterion[] | undefined): readonly SortCriterion[] | null {
  if (sort === undefined || sort.length === 0) {
    return null;
  }
  if (sort.length === 1 && sort[0].field === 'relevance' && sort[0].direction === 'desc') {
    return null;
  }
  return sort;
}

function clampOffset(offset: number | undefined): number {
  return offset === undefined || !Number.isFinite(offset) || offset < 0 ? 0 : Math.floor(offset);
}

function highlightOptions(query: EngineQuery): HighlightOptions {
  return {
    preTag: query.highlightPreTag ?? DEFAULT_PRE_TAG,
    postTag: query.highlightPostTag ?? DEFAULT_POST_TAG,
    cropLength:
      query.cropLength !== undefined && Number.isFinite(query.cropLength) && query.cropLength >= 1
        ? Math.floor(query.cropLength)
        : DEFAULT_CROP_LENGTH,
  };
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
  const anyTags = normalizedTags(query.tags ?? []);
  if (anyTags.size > 0) {
    const tagged = index.slotsWithAnyTag(anyTags);
    if (!tagged) {
      return 'none';
    }
    checks.push(tagged);
  }
  const allTags = normalizedTags(query.tagsAll ?? []);
  if (allTags.size > 0) {
    const tagged = index.slotsWithAllTags(allTags);
    if (!tagged) {
      return 'none';
    }
    checks.push(tagged);
  }
  const notTags = normalizedTags(query.tagsNot ?? []);
  if (notTags.size > 0) {
    const excluded = index.slotsWithAnyTag(notTags, true);
    if (excluded) {
      checks.push((slot) => !excluded(slot));
    }
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
  if (query.createdAfter !== undefined || query.createdBefore !== undefined) {
    // An unreadable bound matches nothing rather than being ignored: a forced filter must never widen.
    const after = query.createdAfter === undefined ? -Infinity : Date.parse(query.createdAfter);
    const before = query.createdBefore === undefined ? Infinity : Date.parse(query.createdBefore);
    if (!(after <= before)) {
      return 'none';
    }
    // NaN (no creation time) fails both comparisons.
    checks.push((slot) => {
      const createdAt = index.createdAt(slot);
      return createdAt >= after && createdAt <= before;
    });
  }
  if (checks.length === 0) {
    return null;
  }
  return checks.length === 1 ? checks[0] : (slot) => checks.every((check) => check(slot));
}
