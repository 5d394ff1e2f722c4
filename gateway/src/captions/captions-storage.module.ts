import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VideoCaption } from './video-caption.entity';
import { VideoCaptionsRepository } from './video-captions.repository';

/**
 * The captions table on its own, for every writer of a video's index document (video updates,
 * caption uploads, reindex), without those modules depending on each other.
 */
@Module({
  imports: [TypeOrmModule.forFeature([VideoCaption])],
  providers: [VideoCaptionsRepository],
  exports: [VideoCaptionsRepository],
})
export class CaptionsStorageModule {}
