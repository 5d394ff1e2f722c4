import { Module, OnModuleInit, UnsupportedMediaTypeException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { OutboxModule } from '../outbox/outbox.module';
import { SearchClientModule } from '../search/search-client.module';
import { VideoCount } from '../videos/video-count.entity';
import { VideoCountsRepository } from '../videos/video-counts.repository';
import { VideosModule } from '../videos/videos.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ImportBatchWriter } from './import-batch.writer';
import { IMPORT_CONTENT_TYPES, takesStreamedBody } from './import-content-types';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { RowChecker } from './row-checker';
import { VideoImport } from './video-import.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([VideoImport, VideoCount]),
    VideosModule,
    OutboxModule,
    WebhooksModule,
    SearchClientModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportBatchWriter, RowChecker, VideoCountsRepository],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Import bodies reach the route as the raw stream: the parser reads them as rows flow and enforces
   * IMPORT_MAX_BYTES itself, so the global BODY_LIMIT does not apply to them. Any other route would get the
   * stream as its body, so it answers 415 as for a media type no parser reads.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) {
      return;
    }
    for (const type of Object.keys(IMPORT_CONTENT_TYPES)) {
      if (!fastify.hasContentTypeParser(type)) {
        fastify.addContentTypeParser(type, (request, payload, done) =>
          takesStreamedBody(request) ? done(null, payload) : done(new UnsupportedMediaTypeException()),
        );
      }
    }
  }
}
