/** REST shapes of the search options added by issue 13 (instant search, suggestions, settings, clicks). */
import type {
  ExplanationDto,
  FieldWeightsDto,
  HitChangeDto,
  JobReplayDto,
  PartDifferenceDto,
  ResultComparisonDto,
  ScorePartsDto,
  SearchControllerInstantData,
  SearchHighlightsDto,
  WordExplanationDto,
} from '@video-search/sdk/models';
import { JobStatus, SearchResult } from './api.types';

export type FacetName = 'tags' | 'duration';

export type SearchHighlights = SearchHighlightsDto;

/** A result with `highlights` (asked for by instant search) and `moments`. */
export type SearchHit = SearchResult;

/** Per facet: value to count, over every match (duration always lists its four buckets). */
export interface FacetDistribution {
  tags?: Record<string, number>;
  duration?: Record<string, number>;
}

/** Answer of `GET /users/:id/search` (and of a synchronous POST). */
export interface SearchAnswer {
  job_id: string;
  status: JobStatus;
  results: SearchHit[];
  result_count?: number;
  algorithm?: string;
  duration_ms?: number | null;
  estimated_total_hits: number;
  offset: number;
  limit: number;
  facet_distribution?: FacetDistribution;
}

/** Query parameters of instant search. */
export type InstantSearchQuery = SearchControllerInstantData['query'];

export interface TypoTolerance {
  enabled: boolean;
  min_word_size_one_typo: number;
  min_word_size_two_typos: number;
}

export type FieldWeights = FieldWeightsDto;

export interface SearchSettingsInput {
  synonyms: Record<string, string[]>;
  stop_words: string[];
  typo_tolerance: TypoTolerance;
  field_weights: FieldWeights;
}

export interface SearchSettings extends SearchSettingsInput {
  updated_at: string | null;
}

export interface SearchClick {
  job_id: string;
  video_id: number;
  position: number;
  clicked_at: string;
}

/** Why a result scored its relevance_score (asked for with `explain`). */
export type ScoreExplanation = ExplanationDto;

export type WordExplanation = WordExplanationDto;

export type ScoreParts = ScorePartsDto;

/** `GET /users/:id/search/:jobId/compare?a=&b=`: both results explained, their parts side by side. */
export type ResultComparison = ResultComparisonDto;

export type PartDifference = PartDifferenceDto;

/** `POST /search/jobs/:id/replay`: the job's question against today's index. */
export type JobReplay = JobReplayDto;

export type HitChange = HitChangeDto;
