import { Controller } from '@nestjs/common';
import {
  SearchSettings,
  SearchSettingsRequest,
  SettingsServiceController,
  SettingsServiceControllerMethods,
  UpdateSearchSettingsRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchSettingsService } from './search-settings.service';

@Controller()
@SettingsServiceControllerMethods()
export class SearchSettingsController implements SettingsServiceController {
  constructor(private readonly settings: SearchSettingsService) {}

  getSearchSettings(request: SearchSettingsRequest): SearchSettings {
    return this.settings.get(request);
  }

  updateSearchSettings(request: UpdateSearchSettingsRequest): Promise<SearchSettings> {
    return this.settings.update(request);
  }
}
