import { Inject, Injectable } from '@nestjs/common';
import type { DiagnoseNoResultsRequest, NoResultDiagnosis } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import { DEFAULT_ENGINE_SETTINGS } from '@search/engine';
import type { EngineSettings, SearchEngine } from '@search/engine/search-engine';
import { assertOwner, MAX_QUERY_LENGTH, toQueryKey } from '@search/jobs/job-request.validator';
import { NO_FILTERS, plainQuestion, runSearch } from '@search/jobs/run-search';
import type { StoredFilters } from '@search/jobs/search-job.entity';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { toSearchSettings } from '@search/settings/search-settings.validator';
import { findCauses, proposeFixes, Reformulation } from './fix-proposals';
import { NoResultQuestion, NoResultSearch, NoResultSearchesRepository } from './no-result-searches.repository';

const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** Distinct no-result questions replayed per fix: the most frequent, so that the figure covers most searches. */
const MAX_REPLAYED_QUESTIONS = 500;
/** The query's latest no-result searches whose follow-ups are read. */
const MAX_FOLLOWED_SEARCHES = 100;
/** A search this soon after a no-result one counts as its reformulation. */
const FOLLOW_UP_MS = 5 * 60_000;
const MAX_FOLLOW_UPS_READ = 2000;
const MAX_REFORMULATIONS = 3;

type Question = Pick<NoResultQuestion, 'query' | 'algorithm' | 'filters'>;

function hasFilters(filters: StoredFilters): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/**
 * Why a query finds nothing, and which settings change would answer it: each proposed fix is measured by replaying
 * the owner's no-result searches of the last 30 days against the index with the fix, so the figure is what the
 * change would have done, not a guess. Nothing is written; applying a fix is UpdateSearchSettings with its settings.
 */
@Injectable()
export class NoResultDoctorService {
  constructor(
    private readonly searches: NoResultSearchesRepository,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly settingsCache: SearchSettingsCache,
  ) {}

  async diagnose(request: DiagnoseNoResultsRequest): Promise<NoResultDiagnosis> {
    assertOwner(request.ownerId);
    const query = request.query.trim();
    if (query.length < 1 || query.length > MAX_QUERY_LENGTH) {
      throw SearchException.invalidArgument(`query must be 1 to ${MAX_QUERY_LENGTH} characters`);
    }
    const { ownerId } = request;
    const since = new Date(Date.now() - WINDOW_DAYS * DAY_MS).toISOString();
    const key = toQueryKey(query);
    const [history, searchesOfQuery, windowSearches, questions] = await Promise.all([
      this.searches.ofQuery(ownerId, key, since, MAX_FOLLOWED_SEARCHES),
      this.searches.countOfQuery(ownerId, key, since),
      this.searches.count(ownerId, since),
      this.searches.questions(ownerId, since, MAX_REPLAYED_QUESTIONS),
    ]);
    const entry = this.settingsCache.entry(ownerId);
    const settings = entry?.settings ?? DEFAULT_ENGINE_SETTINGS;
    const asked: Question = {
      query,
      algorithm: history[0]?.algorithm ?? '',
      filters: history[0]?.filters ?? NO_FILTERS,
    };
    const matchesNow = this.matches(ownerId, asked, settings);
    const matchesWithoutFilters = hasFilters(asked.filters)
      ? this.matches(ownerId, { ...asked, filters: NO_FILTERS }, settings)
      : matchesNow;
    const inspection = this.engine.inspect(ownerId, query, settings);
    const answered = matchesNow > 0;
    const reformulations = answered ? [] : await this.reformulations(ownerId, key, history, settings);
    const proposals = answered ? [] : proposeFixes(inspection, settings, reformulations);

    const stillFailing = questions.filter((question) => this.matches(ownerId, question, settings) === 0);
    const replayedSearches = sum(questions);
    const fixes = proposals
      .map((fix) => ({
        kind: fix.kind,
        id: fix.id,
        description: fix.description,
        settings: toSearchSettings(ownerId, fix.settings, entry?.updatedAt ?? null),
        answersQuery: this.matches(ownerId, asked, fix.settings) > 0,
        answeredSearches: sum(stillFailing.filter((question) => this.matches(ownerId, question, fix.settings) > 0)),
      }))
      .sort((a, b) => Number(b.answersQuery) - Number(a.answersQuery) || b.answeredSearches - a.answeredSearches);
    return {
      query,
      matchesNow,
      matchesWithoutFilters,
      noResultSearches: searchesOfQuery,
      lastSearchedAt: history[0]?.createdAt ?? '',
      words: inspection.words.map((word) => ({
        word: word.word,
        stopWord: word.stopWord ?? '',
        documents: word.documents,
        nearest: word.nearest?.word ?? '',
        nearestDistance: word.nearest?.distance ?? 0,
        nearestDocuments: word.nearest?.documents ?? 0,
        typoReachesNearest: word.typoReachesNearest,
      })),
      causes: answered ? [] : findCauses(inspection, matchesWithoutFilters),
      fixes,
      windowDays: WINDOW_DAYS,
      windowNoResultSearches: windowSearches,
      windowAnsweredNow: replayedSearches - sum(stillFailing),
      windowReplayedSearches: replayedSearches,
    };
  }

  /** Matches of a question; a question the engine refuses (an algorithm since withdrawn) matches nothing. */
  private matches(ownerId: number, question: Question, settings: EngineSettings): number {
    try {
      const { query, algorithm, filters } = question;
      return runSearch(this.engine, plainQuestion(ownerId, query, 1, algorithm, filters), settings).estimatedTotalHits;
    } catch {
      return 0;
    }
  }

  /**
   * What the owner searched next within a few minutes of the query finding nothing, most frequent first, reduced to
   * the words of it the library holds: the words the query's users meant.
   */
  private async reformulations(
    ownerId: number,
    key: string,
    history: NoResultSearch[],
    settings: EngineSettings,
  ): Promise<Reformulation[]> {
    if (history.length === 0) {
      return [];
    }
    const oldest = history[history.length - 1].createdAt;
    const until = new Date(Date.parse(history[0].createdAt) + FOLLOW_UP_MS).toISOString();
    const answered = await this.searches.answeredBetween(ownerId, oldest, until, MAX_FOLLOW_UPS_READ);
    const tally = new Map<string, Reformulation>();
    for (const { createdAt } of history) {
      const deadline = Date.parse(createdAt) + FOLLOW_UP_MS;
      const next = answered.find(
        (search) => search.queryKey !== key && search.createdAt > createdAt && Date.parse(search.createdAt) <= deadline,
      );
      if (next) {
        const seen = tally.get(next.queryKey) ?? { query: next.query, words: [], times: 0 };
        seen.times++;
        tally.set(next.queryKey, seen);
      }
    }
    return [...tally.values()]
      .sort((a, b) => b.times - a.times)
      .slice(0, MAX_REFORMULATIONS)
      .map((reformulation) => ({
        ...reformulation,
        words: this.engine
          .inspect(ownerId, reformulation.query, settings)
          .words.filter((word) => word.stopWord === null && word.documents > 0)
          .map(({ word }) => word),
      }))
      .filter((reformulation) => reformulation.words.length > 0);
  }
}

function sum(questions: readonly NoResultQuestion[]): number {
  return questions.reduce((total, question) => total + question.searches, 0);
}
