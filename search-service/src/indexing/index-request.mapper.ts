import type { CaptionCue, VideoDocument, VideoRef } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import type { EngineCue } from '@search/engine/search-engine';
import type { IndexChange } from './index-plan';

/** Bounds one call's transaction; the gateway's relay sends far smaller batches. */
export const MAX_BATCH_SIZE = 1000;
/** The gateway accepts at most 20,000 cues a video; the bound keeps one document's analysis short. */
const MAX_CUES = 20_000;

function assertBatchSize(size: number): void {
  if (size > MAX_BATCH_SIZE) {
    throw SearchException.invalidArgument(`at most ${MAX_BATCH_SIZE} videos per call`);
  }
}

function assertIdentity(ownerId: number, videoId: number, version: number, index: number): void {
  if (!Number.isInteger(ownerId) || ownerId <= 0) {
    throw SearchException.invalidArgument(`videos[${index}].owner_id must be a positive integer`);
  }
  if (!Number.isInteger(videoId) || videoId <= 0) {
    throw SearchException.invalidArgument(`videos[${index}].video_id must be a positive integer`);
  }
  if (!Number.isSafeInteger(version) || version < 0) {
    throw SearchException.invalidArgument(`videos[${index}].version must be a non-negative integer`);
  }
}

export function toUpsertChanges(videos: VideoDocument[]): IndexChange[] {
  assertBatchSize(videos.length);
  return videos.map((video, index) => {
    assertIdentity(video.ownerId, video.videoId, video.version, index);
    if (!Number.isInteger(video.duration) || video.duration < 0) {
      throw SearchException.invalidArgument(`videos[${index}].duration must be a non-negative integer`);
    }
    const createdAt = parseCreatedAt(video.createdAt, index);
    const captions = toCues(video.captions ?? [], index);
    return {
      kind: 'upsert',
      document: {
        ownerId: video.ownerId,
        videoId: video.videoId,
        version: video.version,
        title: video.title,
        description: video.description,
        tags: video.tags,
        duration: video.duration,
        createdAt,
        captions,
        captionsLanguage: video.captionsLanguage || undefined,
      },
    };
  });
}

function toCues(cues: CaptionCue[], index: number): EngineCue[] {
  if (cues.length > MAX_CUES) {
    throw SearchException.invalidArgument(`videos[${index}].captions holds more than ${MAX_CUES} cues`);
  }
  return cues.map((cue, at) => {
    if (!Number.isInteger(cue.startMs) || cue.startMs < 0 || !Number.isInteger(cue.endMs) || cue.endMs < cue.startMs) {
      throw SearchException.invalidArgument(
        `videos[${index}].captions[${at}] needs whole milliseconds with 0 <= start_ms <= end_ms`,
      );
    }
    return { startMs: cue.startMs, endMs: cue.endMs, text: cue.text };
  });
}

/** Normalised to ISO 8601 UTC so stored values order lexicographically; empty means unknown. */
function parseCreatedAt(value: string, index: number): string | undefined {
  if (value === '') {
    return undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw SearchException.invalidArgument(`videos[${index}].created_at must be an ISO 8601 date-time`);
  }
  return new Date(time).toISOString();
}

export function toDeleteChanges(refs: VideoRef[]): IndexChange[] {
  assertBatchSize(refs.length);
  return refs.map((ref, index) => {
    assertIdentity(ref.ownerId, ref.videoId, ref.version, index);
    return { kind: 'delete', ownerId: ref.ownerId, videoId: ref.videoId, version: ref.version };
  });
}
