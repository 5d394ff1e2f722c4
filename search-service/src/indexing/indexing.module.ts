import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { indexingConfig } from '@search/config/indexing.config';
import { DocumentEntity } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { IndexFollowerService } from './index-follower.service';
import { IndexLoaderService } from './index-loader.service';
import { IndexingController } from './indexing.controller';
import { IndexingService } from './indexing.service';
import { WriteSerializer } from './write-serializer';

@Module({
  imports: [ConfigModule.forFeature(indexingConfig), TypeOrmModule.forFeature([DocumentEntity])],
  controllers: [IndexingController],
  providers: [DocumentsRepository, IndexingService, IndexLoaderService, IndexFollowerService, WriteSerializer],
})
export class IndexingModule {}
