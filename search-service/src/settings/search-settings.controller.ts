import { Controller } from '@nestjs/common';
import {
  CheckPinsRequest,
  CreatePinRequest,
  ListPinChecksRequest,
  ListPinChecksResponse,
  ListPinsRequest,
  ListPinsResponse,
  Pin,
  PinRef,
  PinReport,
  SearchSettings,
  SearchSettingsRequest,
  SettingsServiceController,
  SettingsServiceControllerMethods,
  UpdateSearchSettingsRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { PinsService } from './pins/pins.service';
import { SearchSettingsService } from './search-settings.service';

@Controller()
@SettingsServiceControllerMethods()
export class SearchSettingsController implements SettingsServiceController {
  constructor(
    private readonly settings: SearchSettingsService,
    private readonly pins: PinsService,
  ) {}

  getSearchSettings(request: SearchSettingsRequest): SearchSettings {
    return this.settings.get(request);
  }

  updateSearchSettings(request: UpdateSearchSettingsRequest): Promise<SearchSettings> {
    return this.settings.update(request);
  }

  createPin(request: CreatePinRequest): Promise<Pin> {
    return this.pins.create(request);
  }

  listPins(request: ListPinsRequest): Promise<ListPinsResponse> {
    return this.pins.list(request);
  }

  deletePin(request: PinRef): Promise<Pin> {
    return this.pins.delete(request);
  }

  checkPins(request: CheckPinsRequest): Promise<PinReport> {
    return this.pins.check(request);
  }

  listPinChecks(request: ListPinChecksRequest): Promise<ListPinChecksResponse> {
    return this.pins.listChecks(request);
  }
}
