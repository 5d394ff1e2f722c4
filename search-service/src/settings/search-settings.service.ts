import { Injectable } from '@nestjs/common';
import type {
  SearchSettings,
  SearchSettingsRequest,
  UpdateSearchSettingsRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { DEFAULT_ENGINE_SETTINGS } from '@search/engine';
import { assertOwner } from '@search/jobs/job-request.validator';
import { SearchSettingsCache } from './search-settings.cache';
import { SearchSettingsRepository } from './search-settings.repository';
import { toSearchSettings, validateSettings } from './search-settings.validator';

@Injectable()
export class SearchSettingsService {
  constructor(
    private readonly repository: SearchSettingsRepository,
    private readonly cache: SearchSettingsCache,
  ) {}

  /** Served from memory: every saved row is loaded at start and kept current (see the cache). */
  get(request: SearchSettingsRequest): SearchSettings {
    assertOwner(request.ownerId);
    const entry = this.cache.entry(request.ownerId);
    return toSearchSettings(request.ownerId, entry?.settings ?? DEFAULT_ENGINE_SETTINGS, entry?.updatedAt ?? null);
  }

  /** Answers once this replica applies the new settings and the others have been sent them. */
  async update(request: UpdateSearchSettingsRequest): Promise<SearchSettings> {
    assertOwner(request.ownerId);
    const settings = validateSettings(request.settings, DEFAULT_ENGINE_SETTINGS);
    const row = await this.repository.save(request.ownerId, settings, new Date().toISOString());
    this.cache.apply(row);
    await this.cache.announce(row);
    return toSearchSettings(row.ownerId, row.settings, row.updatedAt);
  }
}
