import { Inject, Injectable } from '@nestjs/common';
import type { SuggestReply, SuggestRequest, Suggestion } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { JobRecorder } from '@search/jobs/job-recorder';
import { assertOwner, toQueryKey } from '@search/jobs/job-request.validator';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { PastQueriesRepository } from './past-queries.repository';

export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 20;
export const MAX_PREFIX_LENGTH = 100;

/**
 * Completions of what the user typed, best first: the owner's own past queries that found something (most searched
 * first; what this owner's users actually look for), then words of the owner's videos completing the last typed
 * word (most documents first), the earlier words kept in front. Deduplicated case-insensitively.
 */
@Injectable()
export class SuggestService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly pastQueries: PastQueriesRepository,
    private readonly recorder: JobRecorder,
  ) {}

  async suggest(request: SuggestRequest): Promise<SuggestReply> {
    assertOwner(request.ownerId);
    const prefix = toQueryKey(request.prefix);
    if (prefix.length < 1 || prefix.length > MAX_PREFIX_LENGTH) {
      throw SearchException.invalidArgument(`prefix must be 1 to ${MAX_PREFIX_LENGTH} characters`);
    }
    const limit = request.limit === 0 ? DEFAULT_SUGGESTIONS : request.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
      throw SearchException.invalidArgument(`limit must be 1 to ${MAX_SUGGESTIONS}`);
    }
    const cut = prefix.lastIndexOf(' ');
    const head = prefix.slice(0, cut + 1);
    const lastWord = prefix.slice(cut + 1);
    const words = lastWord === '' ? [] : this.engine.suggest(request.ownerId, lastWord, limit);
    // This process's searches of a moment ago count too: their waiting batch is written now rather than at its tick.
    await this.recorder.drain();
    const queries = await this.pastQueries.startingWith(request.ownerId, prefix, limit);
    const suggestions: Suggestion[] = [];
    const seen = new Set<string>();
    const add = (suggestion: Suggestion) => {
      const key = suggestion.text.toLowerCase();
      if (suggestions.length < limit && !seen.has(key)) {
        seen.add(key);
        suggestions.push(suggestion);
      }
    };
    queries.forEach((past) => add({ text: past.query, source: 'query', count: past.count }));
    words.forEach((word) => add({ text: `${head}${word.word}`, source: 'vocabulary', count: word.documents }));
    return { suggestions };
  }
}
