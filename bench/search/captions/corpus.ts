import { seededRandom, shuffle } from '../random';
import { BrownText, readBrownTexts } from './brown';
import { Cue, cutCues } from './cues';

/** A video with captions, as the engine indexes it. */
export interface CaptionVideo {
  ownerId: number;
  videoId: number;
  title: string;
  description: string;
  tags: string[];
  /** Seconds: the end of the last cue. */
  duration: number;
  captions: Cue[];
  /** Position of the video's text in the base corpus: replicas of one text share it. */
  text: number;
}

/**
 * Where the videos beyond one copy of the text go: `owners` gives every copy its own owner (each owner's
 * library is distinct text, and a query is asked of the target's owner), `single` puts every copy in owner 1
 * (one library of `cues` cues; a copy of the right video is as right as the original).
 */
export type Layout = 'owners' | 'single';
export const LAYOUTS: readonly Layout[] = ['owners', 'single'];

const CORPUS_SEED = 20261204;

/**
 * Every Brown Corpus text as one video (~13 minutes of captions each, ~250 cues), in a seeded order; the
 * title is the text's source (author and title, or the newspaper) and the description its genre and
 * opening words.
 */
export function loadBaseVideos(texts: BrownText[] = readBrownTexts()): CaptionVideo[] {
  const random = seededRandom(CORPUS_SEED);
  shuffle(random, texts);
  return texts.map((text, position) => {
    const captions = cutCues(text.paragraphs, random);
    const opening = text.paragraphs.flat(2).slice(0, 20).join(' ');
    return {
      ownerId: 1,
      videoId: position + 1,
      title: text.source,
      description: `${text.genre}: ${opening} ...`,
      tags: [text.genre, 'brown-corpus'],
      duration: Math.ceil((captions[captions.length - 1]?.endMs ?? 0) / 1000),
      captions,
      text: position,
    };
  });
}

/**
 * Videos holding `cues` cues in all: whole base videos in order (the last one cut short to land on the
 * count), then copies of the base with new video ids once it runs out, laid out per `layout`. Each copy's
 * strings are fresh (decoded from bytes, as the service decodes a request), so no two videos share a string
 * and the engine's memory is what a service holding that many distinct cues would retain.
 */
export function* captionVideos(base: readonly CaptionVideo[], cues: number, layout: Layout): Generator<CaptionVideo> {
  let remaining = cues;
  for (let copy = 0; remaining > 0; copy++) {
    for (const video of base) {
      if (remaining <= 0) {
        return;
      }
      const captions = video.captions.slice(0, remaining);
      remaining -= captions.length;
      yield {
        ...video,
        ownerId: layout === 'owners' ? copy + 1 : 1,
        videoId: copy * base.length + video.videoId,
        title: fresh(video.title),
        description: fresh(video.description),
        tags: video.tags.map(fresh),
        captions: captions.map((cue) => ({ startMs: cue.startMs, endMs: cue.endMs, text: fresh(cue.text) })),
      };
    }
    if (base.length === 0) {
      return;
    }
  }
}

/** How many copies of the base `cues` cues need (1 when the base has enough). */
export function copiesFor(base: readonly CaptionVideo[], cues: number): number {
  const perCopy = base.reduce((sum, video) => sum + video.captions.length, 0);
  return perCopy === 0 ? 0 : Math.ceil(cues / perCopy);
}

function fresh(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
