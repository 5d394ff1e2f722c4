import { endsSentence } from './brown';

export interface Cue {
  /** Milliseconds from the start of the video. */
  startMs: number;
  endMs: number;
  text: string;
}

export const CUE_WORDS = { min: 5, max: 12 } as const;
export const CUE_MS = { min: 2000, max: 5000 } as const;
/** 150 words a minute, a usual speaking pace. */
export const MS_PER_WORD = 400;

const CLAUSE_END = /[,;:]["')]*$|--$/;

/**
 * Cuts paragraphs of sentences of words into caption cues the way a subtitle editor would: 5-12 words a cue,
 * never across a paragraph; cut at a sentence end once the cue has 5 words, at a comma or semicolon once it reaches its (seeded, 6-10
 * word) target, and otherwise two words past the target; a short tail joins the cue before it when that stays
 * within 12 words (or the two share their words evenly when it does not), so only a paragraph shorter than 5
 * words makes a shorter cue. Each cue lasts its words at 150 words a minute (+-15 %, seeded), clamped to 2-5 s; cues
 * are followed by a short gap, a longer one after a sentence and a pause of 0.5-1.5 s after a paragraph.
 */
export function cutCues(paragraphs: readonly (readonly (readonly string[])[])[], random: () => number): Cue[] {
  const groups: Array<{ words: string[]; paragraphEnd: boolean }> = [];
  for (const paragraph of paragraphs) {
    const words = paragraph.flat();
    let current: string[] = [];
    let target = nextTarget(random);
    for (const [i, word] of words.entries()) {
      current.push(word);
      const last = i === words.length - 1;
      const cut =
        current.length >= CUE_WORDS.max ||
        (current.length >= CUE_WORDS.min && endsSentence(word)) ||
        (current.length >= target && CLAUSE_END.test(word)) ||
        current.length >= target + 2;
      if (cut || last) {
        const previous = groups[groups.length - 1];
        if (current.length < CUE_WORDS.min && previous && !previous.paragraphEnd) {
          // A short tail: joined to the cue before, or the two split evenly when together they are too long.
          const joined = [...previous.words, ...current];
          const split = joined.length > CUE_WORDS.max ? Math.ceil(joined.length / 2) : joined.length;
          previous.words = joined.slice(0, split);
          if (split < joined.length) {
            groups.push({ words: joined.slice(split), paragraphEnd: false });
          }
        } else {
          groups.push({ words: current, paragraphEnd: false });
        }
        current = [];
        target = nextTarget(random);
      }
    }
    if (groups.length > 0) {
      groups[groups.length - 1].paragraphEnd = true;
    }
  }

  const cues: Cue[] = [];
  let clock = Math.round(random() * 2000);
  for (const group of groups) {
    const spoken = group.words.length * MS_PER_WORD * (0.85 + random() * 0.3);
    const duration = Math.round(Math.min(CUE_MS.max, Math.max(CUE_MS.min, spoken)));
    cues.push({ startMs: clock, endMs: clock + duration, text: group.words.join(' ') });
    const sentenceEnd = endsSentence(group.words[group.words.length - 1]);
    const gap = group.paragraphEnd ? 500 + random() * 1000 : sentenceEnd ? 100 + random() * 300 : random() * 150;
    clock += duration + Math.round(gap);
  }
  return cues;
}

function nextTarget(random: () => number): number {
  return 6 + Math.floor(random() * 5);
}
