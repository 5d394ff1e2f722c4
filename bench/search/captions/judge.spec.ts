import { seededRandom } from '../random';
import { CaptionVideo } from './corpus';
import { judgeMoment, summarize } from './judge';
import { generateMomentQueries, indexedVideos, pickPhrase } from './queries';

const hit = (videoId: number, ...starts: number[]) => ({ videoId, moments: starts.map((startMs) => ({ startMs })) });

describe('moment judging', () => {
  it('ranks the first right video in the top 10 and checks its top moment within 10 s of the cue', () => {
    expect(judgeMoment([hit(4, 50_000), hit(7, 61_000, 20_000)], [7], 51_000)).toEqual({
      reciprocalRank: 0.5,
      momentRight: true,
    });
    expect(judgeMoment([hit(7, 61_001)], [7], 51_000)).toEqual({ reciprocalRank: 1, momentRight: false });
    expect(judgeMoment([hit(7, 41_000)], [7], 51_000).momentRight).toBe(true);
    // Only the top moment counts, and a right video without moments has no right moment.
    expect(judgeMoment([hit(7, 0, 51_000)], [7], 51_000).momentRight).toBe(false);
    expect(judgeMoment([hit(7)], [7], 51_000).momentRight).toBe(false);
  });

  it('is a miss outside the top 10, and any relevant copy counts', () => {
    const hits = Array.from({ length: 11 }, (_, i) => hit(i + 1, 0));
    expect(judgeMoment(hits, [11], 0)).toEqual({ reciprocalRank: 0, momentRight: null });
    expect(judgeMoment(hits, [11, 3], 0)).toEqual({ reciprocalRank: 1 / 3, momentRight: true });
  });

  it('shares moments right among the queries whose video was found', () => {
    const summary = summarize([
      { reciprocalRank: 1, momentRight: true },
      { reciprocalRank: 0.5, momentRight: false },
      { reciprocalRank: 0, momentRight: null },
      { reciprocalRank: 1, momentRight: true },
    ]);
    expect(summary).toEqual({ queries: 4, mrr: 0.625, recall: 0.75, momentRight: 2 / 3, momentRightOfAll: 0.5 });
  });
});

describe('moment queries', () => {
  const video = (videoId: number, texts: string[]): CaptionVideo => ({
    ownerId: 1,
    videoId,
    title: `video ${videoId}`,
    description: '',
    tags: [],
    duration: texts.length * 3,
    captions: texts.map((text, i) => ({ startMs: i * 3000, endMs: i * 3000 + 2500, text })),
    text: videoId - 1,
  });
  const base = [
    video(1, ['The committee approved the harbour budget on Friday.', 'Nobody expected the mayor to resign.']),
    video(2, ['Her garden produced enormous pumpkins that autumn.', 'A quiet evening followed.']),
  ];

  it('takes 2-5 consecutive words of one cue with two content words', () => {
    const idf = new Map([
      ['harbour', 3],
      ['budget', 2],
      ['committee', 1],
    ]);
    for (let seed = 1; seed <= 20; seed++) {
      const phrase = pickPhrase(seededRandom(seed), base[0].captions[0].text, idf);
      expect(phrase).not.toBeNull();
      expect(phrase!.length).toBeGreaterThanOrEqual(2);
      expect(phrase!.length).toBeLessThanOrEqual(5);
      expect('the committee approved the harbour budget on friday').toContain(phrase!.join(' '));
    }
    expect(pickPhrase(seededRandom(1), 'Oh no, it is.', idf)).toBeNull();
  });

  it('judges a copy of the video as right in one library, and only the target in its own owner', () => {
    // 4 cues per copy: 6 cues = one copy and the first two cues of the second.
    expect(indexedVideos(base, 6).map((entry) => [entry.copy, entry.base.videoId, entry.cues])).toEqual([
      [0, 1, 2],
      [0, 2, 2],
      [1, 1, 2],
    ]);
    const single = generateMomentQueries(base, 6, 'single', 3, 30);
    const owners = generateMomentQueries(base, 6, 'owners', 3, 30);
    for (const query of single.exact) {
      expect(query.ownerId).toBe(1);
      expect([[1, 3], [2]]).toContainEqual(query.relevant);
    }
    for (const query of owners.exact) {
      expect(query.relevant).toHaveLength(1);
      expect(query.ownerId).toBe(query.relevant[0] > 2 ? 2 : 1);
      expect(query.cue.toLowerCase().replace(/[^a-z ]/g, '')).toContain(query.text);
    }
    expect(single.typo.map((query) => query.startMs)).toEqual(single.exact.map((query) => query.startMs));
  });
});
