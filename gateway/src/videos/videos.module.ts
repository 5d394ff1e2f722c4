import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { VideoTag } from './video-tag.entity';
import { Video } from './video.entity';
import { VideosController } from './videos.controller';
import { VideosRepository } from './videos.repository';
import { VideosService } from './videos.service';

@Module({
  imports: [TypeOrmModule.forFeature([Video, VideoTag]), OutboxModule],
  controllers: [VideosController],
  providers: [VideosRepository, VideosService],
  exports: [VideosRepository],
})
export class VideosModule {}
