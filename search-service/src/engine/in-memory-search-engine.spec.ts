import { CORPUS, OTHER_OWNER, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, EngineQuery, SearchEngine, UnknownAlgorithmError } from './index';

describe('InMemorySearchEngine', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (query: Partial<EngineQuery> & { text: string }) =>
    sut.search({ ownerId: OWNER, ...query }).map((hit) => hit.videoId);

  describe('owner scoping', () => {
    it("never returns another owner's videos", () => {
      sut.upsert([video(100, 'Guitar lessons', 'Guitar', [], 60, OTHER_OWNER)]);
      expect(ids({ text: 'guitar' })).not.toContain(100);
      expect(sut.search({ ownerId: OTHER_OWNER, text: 'guitar' }).map((hit) => hit.videoId)).toEqual([100]);
    });

    it("keeps statistics per owner, so another owner's corpus cannot change scores", () => {
      const before = sut.search({ ownerId: OWNER, text: 'guitar' });
      sut.upsert(Array.from({ length: 50 }, (_, i) => video(200 + i, 'Guitar guitar', 'guitar', [], 60, OTHER_OWNER)));
      expect(sut.search({ ownerId: OWNER, text: 'guitar' })).toEqual(before);
    });

    it('does not expand typos to words only another owner has', () => {
      sut.upsert([video(300, 'Zeppelin', 'Airship', [], 60, OTHER_OWNER)]);
      expect(ids({ text: 'zepelin' })).toEqual([]);
    });

    it('returns nothing for an unknown owner', () => {
      expect(sut.search({ ownerId: 999, text: 'guitar' })).toEqual([]);
    });
  });

  describe('filters', () => {
    it('restricts to the given video ids', () => {
      expect(ids({ text: 'guitar', videoIds: [2, 99] })).toEqual([2]);
    });

    it('restricts to a duration range (inclusive)', () => {
      expect(ids({ text: 'guitar', minDuration: 601 })).toEqual([2]);
      expect(ids({ text: 'guitar', maxDuration: 600 })).toEqual([1]);
      expect(ids({ text: 'guitar', minDuration: 700, maxDuration: 100 })).toEqual([]);
    });

    it('requires every tag, case-insensitively', () => {
      expect(ids({ text: 'explained', tags: ['Education'] }).sort()).toEqual([4, 7]);
      expect(ids({ text: 'explained', tags: ['education', 'science'] })).toEqual([7]);
      expect(ids({ text: 'explained', tags: ['unknown'] })).toEqual([]);
    });
  });

  describe('hits', () => {
    it('scores in 0..1, descending', () => {
      const hits = sut.search({ ownerId: OWNER, text: 'photo light sunrise', algorithm: 'auto' });
      expect(hits.length).toBeGreaterThan(1);
      for (const [i, hit] of hits.entries()) {
        expect(hit.score).toBeGreaterThan(0);
        expect(hit.score).toBeLessThanOrEqual(1);
        if (i > 0) {
          expect(hit.score).toBeLessThanOrEqual(hits[i - 1].score);
        }
      }
    });

    it('honours the limit', () => {
      expect(sut.search({ ownerId: OWNER, text: 'photo light sunrise', limit: 1 })).toHaveLength(1);
    });

    it('marks matched words and lists the matched fields', () => {
      const [hit] = sut.search({ ownerId: OWNER, text: 'tomato sauce', algorithm: 'text' });
      expect(hit.matchedText).toBe(
        'Fresh pasta, <mark>tomato</mark> <mark>sauce</mark> and a guitar playing in the background',
      );
      expect(hit.matchedFields).toEqual(['description']);
    });

    it('escapes markup in the indexed text', () => {
      sut.upsert([video(40, 'Tags <script>alert("x")</script> & more', 'plain', [], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'script', algorithm: 'text' });
      expect(hit.matchedText).toBe(
        'Tags &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; more',
      );
    });

    it('cuts a long field to a window around the first match', () => {
      const long = `${'filler '.repeat(60)}needle ${'tail '.repeat(60)}`;
      sut.upsert([video(41, 'Long one', long, [], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'needle', algorithm: 'text' });
      expect(hit.matchedText).toMatch(/^….*<mark>needle<\/mark>.*…$/);
      expect(hit.matchedText.length).toBeLessThan(200);
    });

    it('matches tags', () => {
      const [hit] = sut.search({ ownerId: OWNER, text: 'fitness', algorithm: 'text' });
      expect(hit).toMatchObject({ videoId: 6, matchedFields: ['tags'], matchedText: '<mark>fitness</mark>' });
    });
  });

  describe('changes', () => {
    it('replaces a document on upsert, visible to the next search', () => {
      sut.upsert([video(1, 'Banjo basics', 'Five strings', [], 60)]);
      expect(ids({ text: 'guitar' })).toEqual([2]);
      expect(ids({ text: 'banjo' })).toEqual([1]);
      expect(sut.stats(OWNER).documents).toBe(CORPUS.length);
    });

    it('removes documents and forgets their words', () => {
      sut.remove(OWNER, [1, 2]);
      expect(ids({ text: 'guitar' })).toEqual([]);
      expect(ids({ text: 'gitar', algorithm: 'fuzzy' })).toEqual([]);
      expect(ids({ text: 'guit', algorithm: 'prefix' })).toEqual([]);
      expect(sut.stats(OWNER).documents).toBe(CORPUS.length - 2);
    });

    it('reuses the slot of a removed document', () => {
      sut.remove(OWNER, [3]);
      sut.upsert([video(50, 'Glacier photography', 'Ice', [], 60)]);
      expect(ids({ text: 'photography' })).toEqual([50]);
    });

    it('removes a whole owner', () => {
      sut.removeOwner(OWNER);
      expect(sut.stats()).toEqual({ documents: 0, owners: 0, vocabularySize: 0 });
    });
  });

  it('throws for an unknown algorithm and accepts an empty name as the default', () => {
    expect(() => sut.search({ ownerId: OWNER, text: 'guitar', algorithm: 'nope' })).toThrow(UnknownAlgorithmError);
    expect(ids({ text: 'guitar', algorithm: '' })[0]).toBe(1);
  });

  it('lists the algorithms with exactly one default', () => {
    const algorithms = sut.algorithms();
    expect(algorithms.map((algorithm) => algorithm.name).sort()).toEqual([
      'auto',
      'fuzzy',
      'phonetic',
      'prefix',
      'text',
    ]);
    expect(algorithms.filter((algorithm) => algorithm.isDefault)).toHaveLength(1);
  });

  it('returns nothing for a query of stop words only', () => {
    expect(ids({ text: 'the of and ', algorithm: 'text' })).toEqual([]);
  });
});

describe('InMemorySearchEngine text analysis', () => {
  it('folds case and accents on both sides', () => {
    const sut = createSearchEngine();
    sut.upsert([video(1, 'Café au lait', 'Crème brûlée', [], 60)]);
    expect(sut.search({ ownerId: OWNER, text: 'CAFE creme', algorithm: 'text' }).map((hit) => hit.videoId)).toEqual([
      1,
    ]);
    expect(sut.search({ ownerId: OWNER, text: 'café', algorithm: 'text' })[0].matchedText).toBe(
      '<mark>Café</mark> au lait',
    );
  });

  it('completes a short prefix with the most frequent words first', () => {
    const sut = createSearchEngine();
    const rare = Array.from({ length: 3000 }, (_, i) => video(i + 1, `ca${i.toString(36)}x`, 'filler', [], 60));
    sut.upsert([...rare, video(5000, 'Cat', 'cat', [], 60), video(5001, 'Cat again', 'cat', [], 60)]);
    const ids = sut.search({ ownerId: OWNER, text: 'ca', algorithm: 'prefix', limit: 2 }).map((hit) => hit.videoId);
    expect(ids.sort()).toEqual([5000, 5001]);
  });
});
