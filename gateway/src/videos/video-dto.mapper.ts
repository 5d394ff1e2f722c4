import type { VideoDto } from './dto/video.dto';
import type { VideoRecord } from './videos.repository';

export function toVideoDto(video: VideoRecord): VideoDto {
  return {
    id: video.id,
    title: video.title,
    description: video.description,
    duration: video.duration,
    tags: video.tags,
    created_at: video.createdAt.toISOString(),
    updated_at: video.updatedAt.toISOString(),
  };
}
