import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaptionsStorageModule } from '../captions/captions-storage.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PageAnchors } from './page-anchors';
import { VideoCount } from './video-count.entity';
import { VideoCountsRepository } from './video-counts.repository';
import { VideoListService } from './video-list.service';
import { VideoTag } from './video-tag.entity';
import { Video } from './video.entity';
import { VideosController } from './videos.controller';
import { VideosRepository } from './videos.repository';
import { VideosService } from './videos.service';

@Module({
  imports: [TypeOrmModule.forFeature([Video, VideoTag, VideoCount]), OutboxModule, CaptionsStorageModule],
  controllers: [VideosController],
  providers: [VideosRepository, VideoCountsRepository, PageAnchors, VideoListService, VideosService],
  exports: [VideosRepository],
})
export class VideosModule {}
