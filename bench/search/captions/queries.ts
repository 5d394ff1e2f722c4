import { words as contentWords, misspell } from '../queries';
import { pick, seededRandom } from '../random';
import { CaptionVideo, Layout } from './corpus';

export const MOMENT_CLASSES = ['exact', 'typo'] as const;
export type MomentClass = (typeof MOMENT_CLASSES)[number];

/** A moment query: a phrase someone remembers hearing, and where it was said. */
export interface MomentQuery {
  text: string;
  ownerId: number;
  /** The videos that count as right: the target, and in the `single` layout its copies. */
  relevant: number[];
  /** Start of the cue the phrase came from (the same in every copy). */
  startMs: number;
  /** The cue itself, for reading the misses. */
  cue: string;
}

export type MomentQuerySet = Record<MomentClass, MomentQuery[]>;

/** One indexed video: which base text it copies, and how many of its cues made it in. */
export interface IndexedVideo {
  copy: number;
  base: CaptionVideo;
  cues: number;
}

const MIN_WORDS = 2;
const MAX_WORDS = 5;

/** The videos `captionVideos(base, cues, layout)` yields, without building them. */
export function indexedVideos(base: readonly CaptionVideo[], cues: number): IndexedVideo[] {
  const indexed: IndexedVideo[] = [];
  let remaining = cues;
  for (let copy = 0; remaining > 0 && base.length > 0; copy++) {
    for (const video of base) {
      if (remaining <= 0) {
        break;
      }
      const count = Math.min(video.captions.length, remaining);
      remaining -= count;
      indexed.push({ copy, base: video, cues: count });
    }
  }
  return indexed;
}

/**
 * `perClass` queries per class: a cue drawn uniformly from every indexed cue, then a run of 2-5 consecutive
 * words of it with at least two content words and one of 5+ letters, drawn with weight = the run's summed
 * idf over the base cues (so distinctive phrases are likelier, as a remembered phrase would be). `exact` is
 * the run lower-cased without punctuation; `typo` misspells every word of 5+ letters by one edit. Both classes
 * share the cues and runs.
 */
export function generateMomentQueries(
  base: readonly CaptionVideo[],
  cues: number,
  layout: Layout,
  seed: number,
  perClass: number,
): MomentQuerySet {
  const random = seededRandom(seed);
  const indexed = indexedVideos(base, cues);
  const total = indexed.reduce((sum, video) => sum + video.cues, 0);
  const idf = inverseDocumentFrequencies(base);
  const set: MomentQuerySet = { exact: [], typo: [] };
  let attempts = 0;
  while (set.exact.length < perClass && attempts++ < perClass * 50) {
    const { video, cue } = locate(indexed, Math.floor(random() * total));
    const phrase = pickPhrase(random, video.base.captions[cue].text, idf);
    if (!phrase) {
      continue;
    }
    const ownerId = layout === 'owners' ? video.copy + 1 : 1;
    const relevant =
      layout === 'owners'
        ? [videoIdOf(base, video)]
        : indexed
            .filter((other) => other.base === video.base && other.cues > cue)
            .map((other) => videoIdOf(base, other));
    const common = { ownerId, relevant, startMs: video.base.captions[cue].startMs, cue: video.base.captions[cue].text };
    set.exact.push({ ...common, text: phrase.join(' ') });
    set.typo.push({
      ...common,
      text: phrase.map((word) => (word.length >= 5 ? misspell(random, word) : word)).join(' '),
    });
  }
  return set;
}

/** Lower-case words of a cue (letters, digits and inner apostrophes), punctuation dropped. */
export function phraseWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** A run of 2-5 consecutive words of the cue, weighted by summed idf; null when no run qualifies. */
export function pickPhrase(random: () => number, text: string, idf: ReadonlyMap<string, number>): string[] | null {
  const words = phraseWords(text);
  const runs: Array<{ run: string[]; weight: number }> = [];
  const length = MIN_WORDS + Math.floor(random() * (MAX_WORDS - MIN_WORDS + 1));
  for (let size = length; size >= MIN_WORDS && runs.length === 0; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const run = words.slice(start, start + size);
      const content = contentWords(run.join(' '));
      if (content.length < 2 || !run.some((word) => /^[a-z]{5,}$/.test(word))) {
        continue;
      }
      runs.push({ run, weight: content.reduce((sum, word) => sum + (idf.get(word) ?? 0), 0) });
    }
  }
  if (runs.length === 0) {
    return null;
  }
  const total = runs.reduce((sum, entry) => sum + entry.weight, 0);
  if (total <= 0) {
    return pick(random, runs).run;
  }
  let roll = random() * total;
  for (const entry of runs) {
    roll -= entry.weight;
    if (roll < 0) {
      return entry.run;
    }
  }
  return runs[runs.length - 1].run;
}

/** log(cues / cues holding the word), over the base corpus's cues. */
export function inverseDocumentFrequencies(base: readonly CaptionVideo[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  let cues = 0;
  for (const video of base) {
    for (const cue of video.captions) {
      cues++;
      for (const word of new Set(contentWords(cue.text))) {
        frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
      }
    }
  }
  return new Map([...frequencies].map(([word, count]) => [word, Math.log(cues / count)]));
}

function videoIdOf(base: readonly CaptionVideo[], video: IndexedVideo): number {
  return video.copy * base.length + video.base.videoId;
}

/** The video and cue index of the `position`-th indexed cue. */
function locate(indexed: readonly IndexedVideo[], position: number): { video: IndexedVideo; cue: number } {
  let left = position;
  for (const video of indexed) {
    if (left < video.cues) {
      return { video, cue: left };
    }
    left -= video.cues;
  }
  throw new Error(`cue ${position} is past the corpus`);
}
