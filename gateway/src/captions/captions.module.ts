import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OutboxModule } from '../outbox/outbox.module';
import { VideosModule } from '../videos/videos.module';
import { CaptionsStorageModule } from './captions-storage.module';
import { CAPTION_CONTENT_TYPES } from './captions-upload';
import { CaptionsController } from './captions.controller';
import { CaptionsService } from './captions.service';

@Module({
  imports: [CaptionsStorageModule, VideosModule, OutboxModule],
  controllers: [CaptionsController],
  providers: [CaptionsService],
})
export class CaptionsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Caption files arrive as text; the upload route's own body limit applies to them. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) {
      return;
    }
    for (const type of Object.keys(CAPTION_CONTENT_TYPES)) {
      if (!fastify.hasContentTypeParser(type)) {
        fastify.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
      }
    }
  }
}
