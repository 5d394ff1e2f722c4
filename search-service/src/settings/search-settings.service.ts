import { Injectable } from '@nestjs/common';
import type {
  SearchSettings,
  SearchSettingsRequest,
  UpdateSearchSettingsRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import { DEFAULT_ENGINE_SETTINGS } from '@search/engine';
import { assertOwner } from '@search/jobs/job-request.validator';
import { PinEvaluation, PinsService } from './pins/pins.service';
import { SearchSettingsCache } from './search-settings.cache';
import { SearchSettingsRepository } from './search-settings.repository';
import { toSearchSettings, validateSettings } from './search-settings.validator';

function refusal(gate: PinEvaluation): string {
  const worse = gate.pins.filter((scored) => scored.verdict === 'worse').map(({ pin }) => `"${pin.query}"`);
  const queries = worse.length === 1 ? 'pinned query' : 'pinned queries';
  return `The change makes ${worse.length} ${queries} worse (${worse.join(', ')}); force it to apply anyway`;
}

@Injectable()
export class SearchSettingsService {
  constructor(
    private readonly repository: SearchSettingsRepository,
    private readonly cache: SearchSettingsCache,
    private readonly pins: PinsService,
  ) {}

  /** Served from memory: every saved row is loaded at start and kept current (see the cache). */
  get(request: SearchSettingsRequest): SearchSettings {
    assertOwner(request.ownerId);
    const entry = this.cache.entry(request.ownerId);
    return toSearchSettings(request.ownerId, entry?.settings ?? DEFAULT_ENGINE_SETTINGS, entry?.updatedAt ?? null);
  }

  /**
   * Answers once this replica applies the new settings and the others have been sent them. The owner's pinned
   * queries are scored with both settings first: a change that makes one worse is refused unless forced.
   */
  async update(request: UpdateSearchSettingsRequest): Promise<SearchSettings> {
    assertOwner(request.ownerId);
    const settings = validateSettings(request.settings, DEFAULT_ENGINE_SETTINGS);
    const gate = await this.pins.evaluateChange(request.ownerId, settings);
    if (gate.regressions > 0 && !request.force) {
      await this.pins.record(gate, 'settings', 'refused');
      throw SearchException.failedPrecondition(refusal(gate));
    }
    const row = await this.repository.save(request.ownerId, settings, new Date().toISOString());
    this.cache.apply(row);
    await this.cache.announce(row);
    await this.pins.record(gate, 'settings', gate.regressions > 0 ? 'forced' : 'passed');
    return toSearchSettings(row.ownerId, row.settings, row.updatedAt);
  }
}
