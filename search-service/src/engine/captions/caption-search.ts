import { AnalyzedQuery, SearchAlgorithm } from '../algorithms/search-algorithm';
import { Analyzer, TextToken } from '../analysis/analyzer';
import { QuerySettings } from '../analysis/query-settings';
import { OwnerIndex } from '../index/owner-index';
import { ProximityReranker, RERANK_DEPTH } from '../scoring/proximity-reranker';
import { MatchSet, QueryExecutor } from '../scoring/query-executor';
import { SlotFilter } from '../scoring/query-plan';
import { EngineMoment } from '../search-engine';
import { highlight, HighlightOptions, isMatchedToken, mark } from '../snippet/snippet-builder';
import { CaptionIndex } from './caption-index';

/** Moments a hit answers at most. */
export const MAX_MOMENTS = 3;
/** Windows hold their text in the description field; the owner's field weights are for the video's fields. */
const CAPTION_FIELD_WEIGHTS: readonly number[] = [1, 1, 1];

/** Every caption window a query matched, scored, and the best of them per video. */
export interface CaptionMatches {
  captions: CaptionIndex;
  /** Per slot of the owner's video index: the score of its best matching window (0..1). */
  best: Map<number, number>;
  /** Matched windows: slot in `captions.windows`, its video's slot and its score, for `i < count`. */
  count: number;
  windowSlots: Int32Array;
  videoSlots: Int32Array;
  scores: Float32Array;
  /** The caption index's terms the query expanded to. */
  matchedTerms: ReadonlySet<number>;
}

export interface VideoMoments {
  moments: EngineMoment[];
  /** The best moment's cue with `<mark>` around the matched words, as `matchedText` is for the fields. */
  matchedText: string;
}

/** Runs a query over an owner's caption windows and turns a hit's best windows into moments. */
export class CaptionSearch {
  private readonly matches: MatchSet = { count: 0, slots: new Int32Array(0), scores: new Float32Array(0) };
  private videoSlots = new Int32Array(64);
  private scores = new Float32Array(64);
  private windowSlots = new Int32Array(64);
  /** Per window slot: 1 + its reranked score for the reranked head, 0 elsewhere (cleared after each query). */
  private headScores = new Float32Array(64);
  /** Per video slot: 1 + its best window's score while a query runs, 0 elsewhere. */
  private bestScores = new Float32Array(64);

  constructor(
    private readonly analyzer: Analyzer,
    private readonly executor: QueryExecutor,
    private readonly reranker: ProximityReranker,
  ) {}

  /** The windows matching the query whose video passes `filter`; null when none does. */
  match(
    captions: CaptionIndex,
    videos: OwnerIndex,
    algorithm: SearchAlgorithm,
    query: AnalyzedQuery,
    settings: QuerySettings,
    filter: SlotFilter | null,
  ): CaptionMatches | null {
    const clauses = algorithm.plan(query, captions.windows, settings);
    const windowFilter = filter === null ? null : (slot: number) => filter(captions.videoSlotOf(slot));
    const matches = this.matches;
    const top = this.executor.execute(
      captions.windows,
      clauses,
      windowFilter,
      RERANK_DEPTH,
      matches,
      CAPTION_FIELD_WEIGHTS,
    );
    if (matches.count === 0) {
      return null;
    }
    // The proximity evidence decides which of a video's windows is the moment, as it decides between videos.
    const reranked = this.reranker.rerank(captions.windows, clauses, top);
    const floor = reranked[reranked.length - 1].score;
    const { count } = matches;
    this.reserve(count, captions.windows.capacity, videos.capacity);
    // Typed scratch indexed by slot instead of maps: a common word matches a window in most videos.
    const { headScores, bestScores } = this;
    for (const { slot, score } of reranked) {
      headScores[slot] = score + 1;
    }
    const bestVideos: number[] = [];
    for (let i = 0; i < count; i++) {
      const slot = matches.slots[i];
      const videoSlot = captions.videoSlotOf(slot);
      const head = headScores[slot];
      const score = head > 0 ? head - 1 : Math.min(matches.scores[i], floor);
      this.windowSlots[i] = slot;
      this.videoSlots[i] = videoSlot;
      this.scores[i] = score;
      const held = bestScores[videoSlot];
      if (held === 0) {
        bestVideos.push(videoSlot);
      }
      if (score + 1 > held) {
        bestScores[videoSlot] = score + 1;
      }
    }
    const best = new Map<number, number>();
    for (const videoSlot of bestVideos) {
      best.set(videoSlot, bestScores[videoSlot] - 1);
      bestScores[videoSlot] = 0;
    }
    for (const { slot } of reranked) {
      headScores[slot] = 0;
    }
    const matchedTerms = new Set(clauses.flatMap((clause) => clause.expansions.map((expansion) => expansion.term)));
    return {
      captions,
      best,
      count,
      windowSlots: this.windowSlots,
      videoSlots: this.videoSlots,
      scores: this.scores,
      matchedTerms,
    };
  }

  /** Per video slot of `videoSlots`: its best windows as moments, best first. */
  moments(
    matches: CaptionMatches,
    videoSlots: readonly number[],
    options: HighlightOptions,
  ): Map<number, VideoMoments> {
    const wanted = new Map<number, Array<{ slot: number; score: number }>>();
    for (const videoSlot of videoSlots) {
      if (matches.best.has(videoSlot)) {
        wanted.set(videoSlot, []);
      }
    }
    for (let i = 0; i < matches.count && wanted.size > 0; i++) {
      wanted.get(matches.videoSlots[i])?.push({ slot: matches.windowSlots[i], score: matches.scores[i] });
    }
    const answers = new Map<number, VideoMoments>();
    for (const [videoSlot, windows] of wanted) {
      windows.sort((a, b) => b.score - a.score || a.slot - b.slot);
      const cues = windows.slice(0, MAX_MOMENTS).map(({ slot }) => this.bestCue(matches, slot));
      const [first] = cues;
      answers.set(videoSlot, {
        moments: cues.map((cue) => ({
          startMs: cue.startMs,
          endMs: cue.endMs,
          text: mark(cue.text, cue.matches, 0, cue.text.length, options),
        })),
        matchedText: highlight(first.text, first.matches),
      });
    }
    return answers;
  }

  /** The window's cue holding the most distinct matched words (the earliest on ties), with its matches. */
  private bestCue(matches: CaptionMatches, slot: number): MatchedCue {
    const { captions, matchedTerms } = matches;
    const window = captions.window(slot);
    const text = captions.text(slot);
    const tokens = this.analyzer
      .tokenize(text, { bigrams: true })
      .filter((token) => isMatchedToken(this.analyzer, captions.windows, token, matchedTerms));
    let bestCue = 0;
    let bestDistinct = -1;
    for (let cue = 0; cue < window.offsets.length; cue++) {
      const [from, to] = cueRange(window.offsets, cue, text.length);
      const distinct = new Set(tokens.filter((token) => token.start >= from && token.end <= to).map((t) => t.word))
        .size;
      if (distinct > bestDistinct) {
        bestDistinct = distinct;
        bestCue = cue;
      }
    }
    const [from, to] = cueRange(window.offsets, bestCue, text.length);
    return {
      startMs: window.times[bestCue * 2],
      endMs: window.times[bestCue * 2 + 1],
      text: text.slice(from, to),
      matches: tokens
        .filter((token) => token.start >= from && token.end <= to)
        .map((token) => ({ word: token.word, start: token.start - from, end: token.end - from })),
    };
  }

  private reserve(matches: number, windows: number, videos: number): void {
    if (this.scores.length < matches) {
      const length = Math.max(matches, this.scores.length * 2);
      this.windowSlots = new Int32Array(length);
      this.videoSlots = new Int32Array(length);
      this.scores = new Float32Array(length);
    }
    if (this.headScores.length < windows) {
      this.headScores = new Float32Array(Math.max(windows, this.headScores.length * 2));
    }
    if (this.bestScores.length < videos) {
      this.bestScores = new Float32Array(Math.max(videos, this.bestScores.length * 2));
    }
  }
}

interface MatchedCue {
  startMs: number;
  endMs: number;
  text: string;
  matches: TextToken[];
}

/** `[from, to)` of a cue's text in its window's text (cues are separated by one character). */
function cueRange(offsets: readonly number[], cue: number, length: number): [number, number] {
  return [offsets[cue], cue + 1 < offsets.length ? offsets[cue + 1] - 1 : length];
}
