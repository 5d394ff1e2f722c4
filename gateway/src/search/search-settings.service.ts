import { ConflictException, Injectable } from '@nestjs/common';
import { SearchSettingsDto, SearchSettingsInputDto } from './dto/search-settings.dto';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { toPinReportDto } from './search-pins.service';
import { toSearchSettings, toSearchSettingsDto } from './search.mapper';

/**
 * Per-owner search settings, kept by the search service (its database, shared by replicas) and applied
 * to the next search without a reindex. The service judges the values; its INVALID_ARGUMENT is a 400.
 */
@Injectable()
export class SearchSettingsService {
  constructor(private readonly client: SearchGrpcClient) {}

  async get(ownerId: number): Promise<SearchSettingsDto> {
    return toSearchSettingsDto(await this.client.getSearchSettings(ownerId));
  }

  /**
   * A change that makes a pinned query worse is refused (409) unless forced; the refusal carries the pins' report,
   * asked for only then, so that a change that passes costs one call.
   */
  async replace(ownerId: number, dto: SearchSettingsInputDto, force = false): Promise<SearchSettingsDto> {
    const settings = toSearchSettings(ownerId, dto);
    try {
      return toSearchSettingsDto(await this.client.updateSearchSettings({ ownerId, settings, force }));
    } catch (error) {
      if (!(error instanceof ConflictException)) {
        throw error;
      }
      const report = await this.client.checkPins({ ownerId, settings, record: false, reason: '' });
      throw new ConflictException({ error: error.message, report: toPinReportDto(report) });
    }
  }
}
