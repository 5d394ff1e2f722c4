import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { indexingConfig } from '@search/config/indexing.config';
import { PinCheckEntity } from './pins/pin-check.entity';
import { PinEntity } from './pins/pin.entity';
import { PinsRepository } from './pins/pins.repository';
import { PinsService } from './pins/pins.service';
import { SearchSettingsCache } from './search-settings.cache';
import { SearchSettingsController } from './search-settings.controller';
import { SearchSettingsEntity } from './search-settings.entity';
import { SearchSettingsRepository } from './search-settings.repository';
import { SearchSettingsService } from './search-settings.service';

/** Per-owner search settings and the pinned queries that gate them; the cache is exported so that every search reads the owner's current settings. */
@Module({
  imports: [
    ConfigModule.forFeature(indexingConfig),
    TypeOrmModule.forFeature([SearchSettingsEntity, PinEntity, PinCheckEntity]),
  ],
  controllers: [SearchSettingsController],
  providers: [SearchSettingsRepository, SearchSettingsCache, SearchSettingsService, PinsRepository, PinsService],
  exports: [SearchSettingsCache],
})
export class SearchSettingsModule {}
