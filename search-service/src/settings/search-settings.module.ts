import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { indexingConfig } from '@search/config/indexing.config';
import { SearchSettingsCache } from './search-settings.cache';
import { SearchSettingsController } from './search-settings.controller';
import { SearchSettingsEntity } from './search-settings.entity';
import { SearchSettingsRepository } from './search-settings.repository';
import { SearchSettingsService } from './search-settings.service';

/** Per-owner search settings; the cache is exported so that every search reads the owner's current settings. */
@Module({
  imports: [ConfigModule.forFeature(indexingConfig), TypeOrmModule.forFeature([SearchSettingsEntity])],
  controllers: [SearchSettingsController],
  providers: [SearchSettingsRepository, SearchSettingsCache, SearchSettingsService],
  exports: [SearchSettingsCache],
})
export class SearchSettingsModule {}
