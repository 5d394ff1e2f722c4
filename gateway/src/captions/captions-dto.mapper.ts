import { timestampLabel, toSeconds } from './caption-time';
import { CaptionsDto, CaptionsSummaryDto } from './dto/captions.dto';
import type { VideoCaptions } from './video-captions.repository';

export function toCaptionsSummaryDto(captions: VideoCaptions): CaptionsSummaryDto {
  return {
    video_id: captions.videoId,
    language: captions.language || null,
    format: captions.format,
    cue_count: captions.cues.length,
    duration: toSeconds(captions.durationMs),
    updated_at: captions.updatedAt.toISOString(),
  };
}

export function toCaptionsDto(captions: VideoCaptions): CaptionsDto {
  return {
    ...toCaptionsSummaryDto(captions),
    cues: captions.cues.map((cue) => ({
      start: toSeconds(cue.startMs),
      end: toSeconds(cue.endMs),
      t: timestampLabel(cue.startMs),
      text: cue.text,
    })),
  };
}
