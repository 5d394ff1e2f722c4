import { Analyzer } from '../analysis/analyzer';
import { wordCaptionCues } from './word-caption-cues';

const TAGS = { preTag: '<mark>', postTag: '</mark>' };

describe('word caption cues', () => {
  const analyzer = new Analyzer();
  const moments = [
    { startMs: 5000, endMs: 9000, text: 'the <mark>outsole</mark> grips on <mark>rocks</mark>' },
    { startMs: 1000, endMs: 3000, text: 'a <mark>shoe</mark> for wet trails' },
  ];

  it('attributes each highlighted word to the query word it matched, from the best moment first', () => {
    const cues = wordCaptionCues(analyzer, ['rock', 'shoes', 'outsol'], moments, TAGS);

    expect(cues.get('rock')).toEqual({
      startMs: 5000,
      endMs: 9000,
      text: 'the outsole grips on rocks',
      matched: 'rocks',
    });
    expect(cues.get('shoes')).toMatchObject({ startMs: 1000, matched: 'shoe', text: 'a shoe for wet trails' });
    expect(cues.get('outsol')).toMatchObject({ matched: 'outsole' });
  });

  it('attributes nothing to a word the captions did not say', () => {
    expect(wordCaptionCues(analyzer, ['pasta'], moments, TAGS).size).toBe(0);
  });

  it('reads the highlight tags the query asked for', () => {
    const cues = wordCaptionCues(analyzer, ['rock'], [{ startMs: 0, endMs: 1, text: 'on [rock] ground' }], {
      preTag: '[',
      postTag: ']',
    });
    expect(cues.get('rock')).toMatchObject({ text: 'on rock ground', matched: 'rock' });
  });
});
