import { Injectable } from '@nestjs/common';
import type { NoResultDiagnosis, ProposedFix } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from '../search/grpc/search-grpc.client';
import { toSearchSettingsDto } from '../search/search.mapper';
import { NoResultDiagnosisDto, ProposedFixDto } from './dto/no-result-diagnosis.dto';

/** The zero-result doctor lives in the search service, beside the index and the recorded searches it replays. */
@Injectable()
export class NoResultDoctorService {
  constructor(private readonly search: SearchGrpcClient) {}

  async diagnose(userId: number, query: string): Promise<NoResultDiagnosisDto> {
    return toDiagnosisDto(await this.search.diagnoseNoResults({ ownerId: userId, query }));
  }
}

function toFixDto(fix: ProposedFix): ProposedFixDto {
  // The settings as the PUT body takes them: its validation refuses updated_at.
  const { updated_at: _updatedAt, ...settings } = toSearchSettingsDto(fix.settings ?? NO_SETTINGS);
  return {
    id: fix.id,
    kind: fix.kind,
    description: fix.description,
    settings,
    answers_query: fix.answersQuery,
    answered_searches: fix.answeredSearches,
  };
}

/** proto3 message fields are optional on the wire; the service always sets a fix's settings. */
const NO_SETTINGS: NonNullable<ProposedFix['settings']> = {
  ownerId: 0,
  synonyms: {},
  stopWords: [],
  typoTolerance: undefined,
  fieldWeights: undefined,
  updatedAt: '',
};

function toDiagnosisDto(diagnosis: NoResultDiagnosis): NoResultDiagnosisDto {
  return {
    query: diagnosis.query,
    matches_now: diagnosis.matchesNow,
    matches_without_filters: diagnosis.matchesWithoutFilters,
    no_result_searches: diagnosis.noResultSearches,
    last_searched_at: diagnosis.lastSearchedAt || null,
    words: diagnosis.words.map((word) => ({
      word: word.word,
      stop_word: word.stopWord === 'built_in' || word.stopWord === 'owner' ? word.stopWord : null,
      documents: word.documents,
      nearest: word.nearest
        ? { word: word.nearest, distance: word.nearestDistance, documents: word.nearestDocuments }
        : null,
      typo_reaches_nearest: word.typoReachesNearest,
    })),
    causes: diagnosis.causes.map(({ code, message, words }) => ({ code, message, words })),
    fixes: diagnosis.fixes.map(toFixDto),
    window: {
      days: diagnosis.windowDays,
      no_result_searches: diagnosis.windowNoResultSearches,
      replayed_searches: diagnosis.windowReplayedSearches,
      answered_now: diagnosis.windowAnsweredNow,
    },
  };
}
