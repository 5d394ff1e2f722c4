import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaptionsStorageModule } from '../captions/captions-storage.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PageAnchors } from './page-anchors';
import { VideoCount } from './video-count.entity';
import { VideoCountsRepository } from './video-counts.repository';
import { VideoListService } from './video-list.service';
import { VideoPageCache } from './video-page.cache';
import { VideoTag } from './video-tag.entity';
import { Video } from './video.entity';
import { videosConfig } from './videos.config';
import { VideosController } from './videos.controller';
import { VideosRepository } from './videos.repository';
import { VideosService } from './videos.service';

@Module({
  imports: [
    ConfigModule.forFeature(videosConfig),
    TypeOrmModule.forFeature([Video, VideoTag, VideoCount]),
    OutboxModule,
    CaptionsStorageModule,
  ],
  controllers: [VideosController],
  providers: [VideosRepository, VideoCountsRepository, PageAnchors, VideoPageCache, VideoListService, VideosService],
  exports: [VideosRepository],
})
export class VideosModule {}
