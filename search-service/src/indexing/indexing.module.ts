import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '@search/config/database.config';
import { indexingConfig } from '@search/config/indexing.config';
import { SuggestModule } from '@search/suggest/suggest.module';
import { AppliedRows } from './applied-rows';
import { DocumentEntity } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { IndexFollowerService } from './index-follower.service';
import { IndexLoaderService } from './index-loader.service';
import { IndexSnapshotService } from './index-snapshot.service';
import { IndexingController } from './indexing.controller';
import { IndexingService } from './indexing.service';
import { WriteSerializer } from './write-serializer';

@Module({
  imports: [
    ConfigModule.forFeature(indexingConfig),
    ConfigModule.forFeature(databaseConfig),
    TypeOrmModule.forFeature([DocumentEntity]),
    SuggestModule,
  ],
  controllers: [IndexingController],
  providers: [
    AppliedRows,
    DocumentsRepository,
    IndexingService,
    IndexLoaderService,
    IndexSnapshotService,
    IndexFollowerService,
    WriteSerializer,
  ],
})
export class IndexingModule {}
