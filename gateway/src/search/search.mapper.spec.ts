import { Explanation, JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { JOB_STATUSES } from './dto/search-request.dto';
import {
  instantQueryToSearch,
  isTerminalStatus,
  jobStatusFromRest,
  jobStatusToRest,
  toAcceptedDto,
  toComparisonDto,
  toJobDto,
  toJobListDto,
  toJobSummaryDto,
  toJobUpdateDto,
  toListJobsRequest,
  toSearchSettings,
  toSearchSettingsDto,
  toSubmitSearchRequest,
} from './search.mapper';

const noFilters = {
  videoIds: [],
  minDuration: undefined,
  maxDuration: undefined,
  tags: [],
  tagsAll: [],
  tagsNot: [],
  createdAfter: '',
  createdBefore: '',
};

function job(overrides: Partial<SearchJob> = {}): SearchJob {
  return {
    id: '6b0f5a2e-1d3c-4a8b-9f0e-2c4d6e8f0a1b',
    ownerId: 7,
    query: 'pasta',
    algorithm: 'auto',
    filters: noFilters,
    status: JobStatus.JOB_STATUS_COMPLETED,
    resultCount: 1,
    results: [
      {
        videoId: 3,
        title: 'Pasta night',
        relevanceScore: 0.9,
        matchedText: '<mark>Pasta</mark> night',
        matchedFields: ['title'],
        highlights: { title: '<mark>Pasta</mark> night', description: '', tags: ['dinner'] },
        moments: [],
        explanation: undefined,
      },
    ],
    error: '',
    createdAt: '2026-11-26T10:00:00.000Z',
    startedAt: '2026-11-26T10:00:00.010Z',
    completedAt: '2026-11-26T10:00:00.020Z',
    durationMs: 10,
    attempts: 1,
    limit: 20,
    offset: 0,
    estimatedTotalHits: 1,
    facetDistribution: {},
    facets: [],
    sort: [],
    explain: false,
    ...overrides,
  };
}

describe('search.mapper', () => {
  describe('job status', () => {
    it('round-trips every REST status', () => {
      for (const status of JOB_STATUSES) {
        expect(jobStatusToRest(jobStatusFromRest(status))).toBe(status);
      }
    });

    it('refuses a job without a status', () => {
      expect(() => jobStatusToRest(JobStatus.JOB_STATUS_UNSPECIFIED)).toThrow(/without a status/);
    });

    it('knows which statuses are final', () => {
      expect(isTerminalStatus(JobStatus.JOB_STATUS_QUEUED)).toBe(false);
      expect(isTerminalStatus(JobStatus.JOB_STATUS_PROCESSING)).toBe(false);
      expect(isTerminalStatus(JobStatus.JOB_STATUS_COMPLETED)).toBe(true);
      expect(isTerminalStatus(JobStatus.JOB_STATUS_FAILED)).toBe(true);
      expect(isTerminalStatus(JobStatus.JOB_STATUS_CANCELLED)).toBe(true);
    });
  });

  describe('toSubmitSearchRequest', () => {
    it('scopes the search to the owner and carries every filter', () => {
      expect(
        toSubmitSearchRequest(7, {
          query: 'pasta',
          video_ids: [1, 2],
          algorithm: 'fuzzy',
          filters: {
            min_duration: 10,
            max_duration: 600,
            tags: ['food'],
            tags_all: ['italian'],
            tags_not: ['draft'],
            created_after: '2026-01-01',
            created_before: '2026-06-30T12:00:00Z',
          },
          limit: 5,
          offset: 10,
          facets: ['tags'],
          sort: ['duration:asc', 'title:desc'],
          highlight_pre_tag: '<em>',
          highlight_post_tag: '</em>',
          crop_length: 12,
        }),
      ).toEqual({
        ownerId: 7,
        query: 'pasta',
        algorithm: 'fuzzy',
        filters: {
          videoIds: [1, 2],
          minDuration: 10,
          maxDuration: 600,
          tags: ['food'],
          tagsAll: ['italian'],
          tagsNot: ['draft'],
          createdAfter: '2026-01-01',
          createdBefore: '2026-06-30T12:00:00Z',
        },
        limit: 5,
        offset: 10,
        facets: ['tags'],
        sort: ['duration:asc', 'title:desc'],
        highlightPreTag: '<em>',
        highlightPostTag: '</em>',
        cropLength: 12,
        explain: false,
      });
    });

    it('leaves the defaults to the service when nothing is chosen', () => {
      expect(toSubmitSearchRequest(7, { query: 'pasta' })).toEqual({
        ownerId: 7,
        query: 'pasta',
        algorithm: '',
        filters: noFilters,
        limit: 0,
        offset: 0,
        facets: [],
        sort: [],
        highlightPreTag: '',
        highlightPostTag: '',
        cropLength: 0,
        explain: false,
      });
    });
  });

  describe('toListJobsRequest', () => {
    it('turns bare dates into whole UTC days and statuses into enums', () => {
      expect(
        toListJobsRequest(7, {
          status: ['failed', 'cancelled'],
          start_date: '2026-11-01',
          end_date: '2026-11-30',
          q: 'pasta',
          page: 2,
          per_page: 10,
        }),
      ).toEqual({
        ownerId: 7,
        statuses: [JobStatus.JOB_STATUS_FAILED, JobStatus.JOB_STATUS_CANCELLED],
        createdAfter: '2026-11-01T00:00:00.000Z',
        createdBefore: '2026-11-30T23:59:59.999Z',
        queryContains: 'pasta',
        page: 2,
        perPage: 10,
      });
    });

    it('normalises full timestamps and defaults the page', () => {
      expect(toListJobsRequest(7, { start_date: '2026-11-01T12:00:00+01:00' })).toMatchObject({
        statuses: [],
        createdAfter: '2026-11-01T11:00:00.000Z',
        createdBefore: '',
        page: 1,
        perPage: 20,
      });
    });
  });

  describe('explanations', () => {
    const explanation: Explanation = {
      words: [
        {
          word: 'pasta',
          kind: 'exact',
          matched: 'pasta',
          typoDistance: 0,
          expansionWeight: 1,
          idf: 1.5,
          fields: [{ field: 'title', frequency: 1, weight: 3, lengthNorm: 0.9 }],
          termFrequency: 3.3,
          rawScore: 1.03,
          part: 0.6,
          captionCue: { startMs: 1000, endMs: 2000, text: 'fresh pasta today', matched: 'pasta' },
        },
      ],
      normalization: 1.5,
      coverage: 1,
      coverageFactor: 1,
      fieldsScore: 0.69,
      proximity: { pairScore: 1, asTypedShare: 1, kept: 0.5 },
      captionScore: 0,
      captionCue: '',
      parts: { words: 0.6, proximity: 0.2, exactMatchBonus: 0.1, captions: 0, rankCap: 0 },
      score: 0.9,
    };

    it('adds the explanation in snake_case only to a result that carries one', () => {
      const base = job().results[0];
      const dto = toJobDto(job({ explain: true, results: [{ ...base, explanation }] }));

      expect(dto.explain).toBe(true);
      expect(dto.results[0].explanation).toEqual({
        words: [
          {
            word: 'pasta',
            kind: 'exact',
            matched: 'pasta',
            typo_distance: 0,
            expansion_weight: 1,
            idf: 1.5,
            fields: [{ field: 'title', frequency: 1, weight: 3, length_norm: 0.9 }],
            term_frequency: 3.3,
            raw_score: 1.03,
            part: 0.6,
            caption_cue: { start_ms: 1000, end_ms: 2000, text: 'fresh pasta today', matched: 'pasta' },
          },
        ],
        normalization: 1.5,
        coverage: 1,
        coverage_factor: 1,
        fields_score: 0.69,
        proximity: { pair_score: 1, as_typed_share: 1, kept: 0.5 },
        caption_score: 0,
        caption_cue: '',
        parts: { words: 0.6, proximity: 0.2, exact_match_bonus: 0.1, captions: 0, rank_cap: 0 },
        score: 0.9,
      });
      expect(toJobDto(job()).results[0]).not.toHaveProperty('explanation');
    });

    it('leaves proximity out for a result outside the reranked head', () => {
      const base = job().results[0];
      const dto = toJobDto(job({ results: [{ ...base, explanation: { ...explanation, proximity: undefined } }] }));

      expect(dto.results[0].explanation).not.toHaveProperty('proximity');
    });

    it('maps a comparison, and refuses one that lacks a side', () => {
      const result = { ...job().results[0], explanation };
      const comparison = {
        a: result,
        b: { ...result, videoId: 4 },
        scoreDifference: 0,
        differences: [{ part: 'word:pasta', a: 0.6, b: 0.6, difference: 0 }],
        summary: 'Videos 3 and 4 score the same (0.900).',
      };

      expect(toComparisonDto(comparison)).toMatchObject({
        a: { video_id: 3, explanation: { score: 0.9 } },
        b: { video_id: 4 },
        score_difference: 0,
        differences: [{ part: 'word:pasta', a: 0.6, b: 0.6, difference: 0 }],
        summary: 'Videos 3 and 4 score the same (0.900).',
      });
      expect(() => toComparisonDto({ ...comparison, b: undefined })).toThrow(/without both results/);
    });
  });

  describe('toJobDto', () => {
    it('maps a completed job with its results in snake_case', () => {
      expect(toJobDto(job({ filters: { ...noFilters, videoIds: [3], minDuration: 0 } }))).toEqual({
        job_id: '6b0f5a2e-1d3c-4a8b-9f0e-2c4d6e8f0a1b',
        status: 'completed',
        query: 'pasta',
        algorithm: 'auto',
        filters: { video_ids: [3], min_duration: 0 },
        result_count: 1,
        error: null,
        created_at: '2026-11-26T10:00:00.000Z',
        started_at: '2026-11-26T10:00:00.010Z',
        completed_at: '2026-11-26T10:00:00.020Z',
        duration_ms: 10,
        explain: false,
        results: [
          {
            video_id: 3,
            title: 'Pasta night',
            relevance_score: 0.9,
            matched_text: '<mark>Pasta</mark> night',
            matched_fields: ['title'],
            highlights: { title: '<mark>Pasta</mark> night', description: '', tags: ['dinner'] },
            moments: [],
          },
        ],
        estimated_total_hits: 1,
        offset: 0,
        limit: 20,
      });
    });

    it('answers the moments where the captions matched, and captions among the matched fields', () => {
      const base = job().results[0];
      const dto = toJobDto(
        job({
          results: [
            {
              ...base,
              matchedFields: ['title', 'captions'],
              moments: [{ start: 252.5, end: 256, t: '04:12', text: 'the <mark>starter</mark>' }],
            },
          ],
        }),
      );
      expect(dto.results[0]).toMatchObject({
        matched_fields: ['title', 'captions'],
        moments: [{ start: 252.5, end: 256, t: '04:12', text: 'the <mark>starter</mark>' }],
      });
    });

    it('answers the facets asked for, each over every match', () => {
      const dto = toJobDto(
        job({
          facets: ['tags', 'duration'],
          facetDistribution: {
            tags: { counts: { dinner: 4 } },
            duration: { counts: { '0-60': 1, '60-300': 3, '300-1200': 0, '1200+': 0 } },
          },
          estimatedTotalHits: 4,
          offset: 1,
        }),
      );
      expect(dto).toMatchObject({
        estimated_total_hits: 4,
        offset: 1,
        facet_distribution: { tags: { dinner: 4 }, duration: { '0-60': 1, '60-300': 3, '300-1200': 0, '1200+': 0 } },
      });
    });

    it('leaves facet_distribution out when no facet was asked for', () => {
      expect(toJobDto(job())).not.toHaveProperty('facet_distribution');
    });

    it('shows the new filters of a stored job', () => {
      const filters = toJobDto(
        job({ filters: { ...noFilters, tagsAll: ['a'], tagsNot: ['b'], createdAfter: '2026-01-01T00:00:00.000Z' } }),
      ).filters;
      expect(filters).toEqual({ tags_all: ['a'], tags_not: ['b'], created_after: '2026-01-01T00:00:00.000Z' });
    });

    it('shows unreached timestamps and an unfinished duration as null', () => {
      const summary = toJobSummaryDto(
        job({ status: JobStatus.JOB_STATUS_QUEUED, startedAt: '', completedAt: '', durationMs: 0, results: [] }),
      );
      expect(summary).toMatchObject({ status: 'queued', started_at: null, completed_at: null, duration_ms: null });
      expect(summary).not.toHaveProperty('results');
    });

    it('carries the reason of a failed job', () => {
      expect(toJobDto(job({ status: JobStatus.JOB_STATUS_FAILED, error: 'index unavailable' }))).toMatchObject({
        status: 'failed',
        error: 'index unavailable',
      });
    });
  });

  it('maps an accepted job to its id and status', () => {
    expect(toAcceptedDto(job({ status: JobStatus.JOB_STATUS_PROCESSING }))).toEqual({
      job_id: '6b0f5a2e-1d3c-4a8b-9f0e-2c4d6e8f0a1b',
      status: 'processing',
    });
  });

  it('paginates a job list, counting whole pages', () => {
    expect(toJobListDto({ jobs: [job()], total: 41, page: 3, perPage: 20 }).pagination).toEqual({
      page: 3,
      per_page: 20,
      total: 41,
      pages: 3,
    });
  });

  it('maps a job event to the job_update payload', () => {
    expect(
      toJobUpdateDto({
        jobId: 'j1',
        ownerId: 7,
        status: JobStatus.JOB_STATUS_COMPLETED,
        resultCount: 2,
        durationMs: 4.5,
        error: '',
        query: 'pasta',
        algorithm: 'auto',
        occurredAt: '2026-11-26T10:00:00.000Z',
        resync: false,
      }),
    ).toEqual({
      job_id: 'j1',
      user_id: 7,
      status: 'completed',
      result_count: 2,
      duration_ms: 4.5,
      error: null,
      query: 'pasta',
      algorithm: 'auto',
      occurred_at: '2026-11-26T10:00:00.000Z',
    });
  });

  describe('instantQueryToSearch', () => {
    it('reads the query parameters as the POST body they stand for', () => {
      expect(
        instantQueryToSearch({ q: 'pas', limit: 5, video_ids: [1], tags_not: ['draft'], sort: ['title:asc'] }),
      ).toEqual({
        query: 'pas',
        limit: 5,
        sort: ['title:asc'],
        video_ids: [1],
        filters: {
          min_duration: undefined,
          max_duration: undefined,
          tags: undefined,
          tags_all: undefined,
          tags_not: ['draft'],
          created_after: undefined,
          created_before: undefined,
        },
      });
    });
  });

  describe('search settings', () => {
    it('sends an omitted part unset and a left-out typo size as 0, both the service defaults', () => {
      expect(
        toSearchSettings(7, { synonyms: { car: ['auto'] }, typo_tolerance: { min_word_size_one_typo: 5 } }),
      ).toEqual({
        ownerId: 7,
        synonyms: { car: { words: ['auto'] } },
        stopWords: [],
        typoTolerance: { enabled: true, minWordSizeOneTypo: 5, minWordSizeTwoTypos: 0 },
        fieldWeights: undefined,
        updatedAt: '',
      });
    });

    it('answers stored settings in snake_case, updated_at null while on the defaults', () => {
      expect(
        toSearchSettingsDto({
          ownerId: 7,
          synonyms: { car: { words: ['auto', 'automobile'] } },
          stopWords: ['clip'],
          typoTolerance: { enabled: false, minWordSizeOneTypo: 4, minWordSizeTwoTypos: 8 },
          fieldWeights: { title: 2, description: 1, tags: 0.5 },
          updatedAt: '',
        }),
      ).toEqual({
        synonyms: { car: ['auto', 'automobile'] },
        stop_words: ['clip'],
        typo_tolerance: { enabled: false, min_word_size_one_typo: 4, min_word_size_two_typos: 8 },
        field_weights: { title: 2, description: 1, tags: 0.5 },
        updated_at: null,
      });
    });
  });
});
