import { seededRandom } from '../random';
import { endsSentence, parseTagged } from './brown';
import { CUE_MS, CUE_WORDS, cutCues } from './cues';

const sentence = (count: number, end = '.') =>
  Array.from({ length: count }, (_, i) => `w${i}${i === count - 1 ? end : ''}`);

describe('caption cue cutter', () => {
  const paragraphs = [
    [sentence(7), sentence(23), sentence(3)],
    [sentence(2)],
    [sentence(40, ','), sentence(13)],
    [sentence(16)],
  ];
  const cues = cutCues(paragraphs, seededRandom(7));

  it('keeps every word, in order', () => {
    expect(cues.map((cue) => cue.text).join(' ')).toBe(paragraphs.flat(2).join(' '));
  });

  it('makes cues of 5-12 words, shorter only for a paragraph of fewer than 5 words', () => {
    const counts = cues.map((cue) => cue.text.split(' ').length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(CUE_WORDS.max);
    expect(cues.filter((cue) => cue.text.split(' ').length < CUE_WORDS.min).map((cue) => cue.text)).toEqual(['w0 w1.']);
  });

  it('never joins two paragraphs in one cue', () => {
    expect(cues.some((cue) => cue.text.includes('w2. w0'))).toBe(false);
  });

  it('times cues 2-5 s long, in order and without overlap', () => {
    for (const [i, cue] of cues.entries()) {
      expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(CUE_MS.min);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(CUE_MS.max);
      expect(Number.isInteger(cue.startMs) && Number.isInteger(cue.endMs)).toBe(true);
      if (i > 0) {
        expect(cue.startMs).toBeGreaterThanOrEqual(cues[i - 1].endMs);
      }
    }
  });

  it('is the same for the same seed', () => {
    expect(cutCues(paragraphs, seededRandom(7))).toEqual(cues);
    expect(cutCues(paragraphs, seededRandom(8))).not.toEqual(cues);
  });

  it('reads the tagged Brown form into sentences of display words', () => {
    const text =
      "\n\n\tThe/at ``/`` jury/nn ''/'' said/vbd ,/, 20-25/cd yrs./nns ./.\n\tWhy/wrb ?/.\n\n\n\tNext/ap ./.\n";
    expect(parseTagged(text)).toEqual([[['The', '"jury"', 'said,', '20-25', 'yrs.'], ['Why?']], [['Next.']]]);
    expect(endsSentence('yrs.')).toBe(true);
    expect(endsSentence('said,')).toBe(false);
    expect(endsSentence('why?"')).toBe(true);
  });
});
