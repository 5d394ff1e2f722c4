import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentEntity } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { IndexLoaderService } from './index-loader.service';
import { IndexingController } from './indexing.controller';
import { IndexingService } from './indexing.service';
import { WriteSerializer } from './write-serializer';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity])],
  controllers: [IndexingController],
  providers: [DocumentsRepository, IndexingService, IndexLoaderService, WriteSerializer],
})
export class IndexingModule {}
