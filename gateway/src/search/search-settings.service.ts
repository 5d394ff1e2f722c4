import { Injectable } from '@nestjs/common';
import { SearchSettingsDto, SearchSettingsInputDto } from './dto/search-settings.dto';
import { SearchGrpcClient } from './grpc/search-grpc.client';
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

  async replace(ownerId: number, dto: SearchSettingsInputDto): Promise<SearchSettingsDto> {
    const stored = await this.client.updateSearchSettings({ ownerId, settings: toSearchSettings(ownerId, dto) });
    return toSearchSettingsDto(stored);
  }
}
