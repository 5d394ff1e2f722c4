import { CORPUS, OTHER_OWNER, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, EngineDocument, EngineQuery, SearchEngine, UnknownAlgorithmError } from './index';

describe('InMemorySearchEngine', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const ids = (query: Partial<EngineQuery> & { text: string }) =>
    sut.search({ ownerId: OWNER, ...query }).hits.map((hit) => hit.videoId);

  describe('owner scoping', () => {
    it("never returns another owner's videos", () => {
      sut.upsert([video(100, 'Guitar lessons', 'Guitar', [], 60, OTHER_OWNER)]);
      expect(ids({ text: 'guitar' })).not.toContain(100);
      expect(sut.search({ ownerId: OTHER_OWNER, text: 'guitar' }).hits.map((hit) => hit.videoId)).toEqual([100]);
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
      expect(sut.search({ ownerId: 999, text: 'guitar' })).toEqual({ hits: [], totalHits: 0, facetDistribution: {} });
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

    it('requires any of the tags, case-insensitively', () => {
      expect(ids({ text: 'explained', tags: ['Education'] }).sort()).toEqual([4, 7]);
      expect(ids({ text: 'explained', tags: ['science', 'unknown'] })).toEqual([7]);
      expect(ids({ text: 'photo explained', tags: ['SCIENCE', 'travel'] }).sort()).toEqual([3, 7]);
      expect(ids({ text: 'explained', tags: ['unknown'] })).toEqual([]);
    });

    it('requires every tag of tagsAll, case-insensitively', () => {
      expect(ids({ text: 'explained', tagsAll: ['education', 'Science'] })).toEqual([7]);
      expect(ids({ text: 'explained', tagsAll: ['education', 'unknown'] })).toEqual([]);
    });

    it('leaves out videos with any tag of tagsNot', () => {
      expect(ids({ text: 'explained', tagsNot: ['Science'] })).toEqual([4]);
      expect(ids({ text: 'explained', tagsNot: ['unknown'] }).sort()).toEqual([4, 7]);
      expect(ids({ text: 'explained', tagsNot: ['science', 'education'] })).toEqual([]);
    });

    it('combines the tag filters', () => {
      expect(ids({ text: 'explained photo', tags: ['education', 'travel'], tagsNot: ['science'] }).sort()).toEqual([
        3, 4,
      ]);
      expect(ids({ text: 'explained photo', tags: ['education', 'travel'], tagsAll: ['photo'] })).toEqual([3]);
    });
  });

  describe('hits', () => {
    it('scores in 0..1, descending', () => {
      const { hits } = sut.search({ ownerId: OWNER, text: 'photo light sunrise', algorithm: 'auto' });
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
      expect(sut.search({ ownerId: OWNER, text: 'photo light sunrise', limit: 1 }).hits).toHaveLength(1);
    });

    it('marks matched words and lists the matched fields', () => {
      const [hit] = sut.search({ ownerId: OWNER, text: 'tomato sauce', algorithm: 'text' }).hits;
      expect(hit.matchedText).toBe(
        'Fresh pasta, <mark>tomato</mark> <mark>sauce</mark> and a guitar playing in the background',
      );
      expect(hit.matchedFields).toEqual(['description']);
    });

    it('escapes markup in the indexed text', () => {
      sut.upsert([video(40, 'Tags <script>alert("x")</script> & more', 'plain', [], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'script', algorithm: 'text' }).hits;
      expect(hit.matchedText).toBe(
        'Tags &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; more',
      );
    });

    it('cuts a long field to a window around the first match', () => {
      const long = `${'filler '.repeat(60)}needle ${'tail '.repeat(60)}`;
      sut.upsert([video(41, 'Long one', long, [], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'needle', algorithm: 'text' }).hits;
      expect(hit.matchedText).toMatch(/^….*<mark>needle<\/mark>.*…$/);
      expect(hit.matchedText.length).toBeLessThan(200);
    });

    it('highlights each field with the configured tags, escaping the text around them', () => {
      sut.upsert([video(42, 'Tomato <b>soup</b>', 'A tomato & basil soup', ['Soup', 'Dinner'], 60)]);
      const [hit] = sut.search({
        ownerId: OWNER,
        text: 'tomato soup',
        algorithm: 'text',
        highlightPreTag: '<em>',
        highlightPostTag: '</em>',
      }).hits;
      expect(hit.highlights).toEqual({
        title: '<em>Tomato</em> &lt;b&gt;<em>soup</em>&lt;/b&gt;',
        description: 'A <em>tomato</em> &amp; basil <em>soup</em>',
        tags: ['<em>Soup</em>', 'Dinner'],
      });
      expect(hit.matchedText).toContain('<mark>');
    });

    it('marks highlights with <mark> by default and keeps unmatched fields whole', () => {
      const [hit] = sut.search({ ownerId: OWNER, text: 'fitness', algorithm: 'text' }).hits;
      expect(hit.highlights).toEqual({
        title: 'Marathon training plan',
        description: 'Running schedule with interval sessions and recovery',
        tags: ['<mark>fitness</mark>'],
      });
    });

    it('crops the description highlight to crop_length words around the matches', () => {
      const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
      words[40] = 'needle';
      sut.upsert([video(43, 'Haystack', words.join(' '), [], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'needle', algorithm: 'text', cropLength: 5 }).hits;
      expect(hit.highlights.description).toBe('…w38 w39 <mark>needle</mark> w41 w42…');
      const [whole] = sut.search({ ownerId: OWNER, text: 'needle', algorithm: 'text', cropLength: 200 }).hits;
      expect(whole.highlights.description).toBe(words.join(' ').replace('needle', '<mark>needle</mark>'));
    });

    it('matches tags', () => {
      const [hit] = sut.search({ ownerId: OWNER, text: 'fitness', algorithm: 'text' }).hits;
      expect(hit).toMatchObject({ videoId: 6, matchedFields: ['tags'], matchedText: '<mark>fitness</mark>' });
    });

    it('marks a match in a later tag at its place in the tags field and in its own tag', () => {
      sut.upsert([video(44, 'Untitled', 'Nothing here', ['Home & Garden', 'Pruning roses', 'roses'], 60)]);
      const [hit] = sut.search({ ownerId: OWNER, text: 'roses', algorithm: 'text' }).hits;
      expect(hit).toMatchObject({
        videoId: 44,
        matchedFields: ['tags'],
        matchedText: 'Home &amp; Garden, Pruning <mark>roses</mark>, <mark>roses</mark>',
      });
      expect(hit.highlights.tags).toEqual(['Home &amp; Garden', 'Pruning <mark>roses</mark>', '<mark>roses</mark>']);
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
      expect(sut.stats()).toEqual({ documents: 0, cues: 0, owners: 0, vocabularySize: 0 });
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

describe('InMemorySearchEngine facets, sort, paging and creation time', () => {
  const DAY = 86_400_000;
  /** 48 videos all matching "clip": every third carries "Clip" twice (more relevant), tags and durations vary. */
  const LIBRARY: EngineDocument[] = Array.from({ length: 48 }, (_, i) => ({
    ...video(
      i + 1,
      i % 3 === 0 ? `Clip clip number ${i}` : `Clip number ${i}`,
      `Footage ${i}`,
      [['Cooking', 'travel'], ['cooking'], ['Music', 'TRAVEL'], []][i % 4],
      [0, 59, 60, 299, 300, 1199, 1200, 7200][i % 8] + (i % 5),
    ),
    createdAt: i % 7 === 6 ? undefined : new Date(Date.UTC(2026, 0, 1) + (i % 10) * DAY).toISOString(),
  }));
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(LIBRARY);
  });

  const search = (query: Partial<EngineQuery>) => sut.search({ ownerId: OWNER, text: 'clip', ...query });
  const allIds = (query: Partial<EngineQuery> = {}) => search({ ...query, limit: 1000 }).hits.map((hit) => hit.videoId);
  const byId = (videoId: number) => LIBRARY[videoId - 1];
  const bucketOf = (duration: number) =>
    duration < 60 ? '0-60' : duration < 300 ? '60-300' : duration < 1200 ? '300-1200' : '1200+';

  describe('facets', () => {
    it('counts tags and duration buckets over every match, not only the returned page', () => {
      const { hits, totalHits, facetDistribution } = search({ limit: 3, facets: ['tags', 'duration'] });
      expect(hits).toHaveLength(3);
      expect(totalHits).toBe(LIBRARY.length);
      const tags: Record<string, number> = {};
      const durations: Record<string, number> = { '0-60': 0, '60-300': 0, '300-1200': 0, '1200+': 0 };
      for (const document of LIBRARY) {
        for (const tag of new Set(document.tags.map((name) => name.toLowerCase()))) {
          const shown = tag === 'travel' ? 'travel' : tag.charAt(0).toUpperCase() + tag.slice(1);
          tags[shown] = (tags[shown] ?? 0) + 1;
        }
        durations[bucketOf(document.duration)]++;
      }
      expect(facetDistribution).toEqual({ tags, duration: durations });
    });

    it('names a tag by the form it was first given and counts every case of it together', () => {
      const { facetDistribution } = search({ facets: ['tags'] });
      expect(facetDistribution.tags).toEqual({ Cooking: 24, travel: 24, Music: 12 });
      expect(Object.keys(facetDistribution.tags ?? {})).toEqual(['Cooking', 'travel', 'Music']);
    });

    it('counts only the matches the filters admit', () => {
      const filters = { tagsNot: ['music'], maxDuration: 299 };
      const admitted = LIBRARY.filter((document) => !document.tags.includes('Music') && document.duration <= 299);
      const { totalHits, facetDistribution } = search({ ...filters, facets: ['duration'] });
      expect(totalHits).toBe(admitted.length);
      expect(facetDistribution.duration).toEqual({
        '0-60': admitted.filter((document) => document.duration < 60).length,
        '60-300': admitted.filter((document) => document.duration >= 60).length,
        '300-1200': 0,
        '1200+': 0,
      });
    });

    it('follows replaced and removed videos, and names a tag anew once no video had it', () => {
      sut.upsert([{ ...byId(1), tags: ['Travel', 'Hiking'] }]);
      sut.remove(OWNER, [2, 3]);
      expect(search({ facets: ['tags'] }).facetDistribution.tags).toEqual({
        travel: 23,
        Cooking: 22,
        Music: 11,
        Hiking: 1,
      });
      sut.upsert([{ ...byId(1), tags: [] }]);
      sut.upsert([{ ...byId(2), tags: ['HIKING'] }]);
      expect(search({ facets: ['tags'] }).facetDistribution.tags).toEqual({
        Cooking: 22,
        travel: 22,
        Music: 11,
        HIKING: 1,
      });
    });

    it('puts a duration on a bucket boundary in the bucket it starts', () => {
      const edges = createSearchEngine();
      edges.upsert(
        [0, 59.9, 60, 299, 300, 1199, 1200, 100_000].map((duration, i) => video(i + 1, 'Edge', '', [], duration)),
      );
      expect(edges.search({ ownerId: OWNER, text: 'edge', facets: ['duration'] }).facetDistribution).toEqual({
        duration: { '0-60': 2, '60-300': 2, '300-1200': 2, '1200+': 2 },
      });
    });

    it('lists every duration bucket and no tags when nothing matches', () => {
      const empty = { tags: {}, duration: { '0-60': 0, '60-300': 0, '300-1200': 0, '1200+': 0 } };
      expect(search({ text: 'nothing', facets: ['tags', 'duration'] }).facetDistribution).toEqual(empty);
      expect(search({ tags: ['unknown'], facets: ['tags', 'duration'] }).facetDistribution).toEqual(empty);
      expect(search({ ownerId: 999, facets: ['tags', 'duration'] }).facetDistribution).toEqual(empty);
    });

    it('answers only the facets asked for', () => {
      expect(search({ facets: ['duration'] }).facetDistribution).not.toHaveProperty('tags');
      expect(search({}).facetDistribution).toEqual({});
    });
  });

  describe('sort', () => {
    let relevanceRank: Map<number, number>;

    beforeEach(() => {
      relevanceRank = new Map(allIds().map((videoId, rank) => [videoId, rank]));
    });

    it('orders every match by duration, ascending and descending, beyond the reranked head', () => {
      const expected = [...LIBRARY].sort(
        (a, b) => a.duration - b.duration || relevanceRank.get(a.videoId)! - relevanceRank.get(b.videoId)!,
      );
      expect(allIds({ sort: [{ field: 'duration', direction: 'asc' }] })).toEqual(
        expected.map((document) => document.videoId),
      );
      const page = search({ limit: 5, sort: [{ field: 'duration', direction: 'desc' }] }).hits;
      const longest = LIBRARY.map((document) => document.duration)
        .sort((a, b) => b - a)
        .slice(0, 5);
      expect(page.map((hit) => byId(hit.videoId).duration)).toEqual(longest);
    });

    it('breaks ties by relevance in both directions', () => {
      // Durations repeat every 40 videos: videos 1 and 41 both last 0 s, and only video 1 (i = 0, a multiple
      // of 3) says "clip" twice.
      const ascending = allIds({ sort: [{ field: 'duration', direction: 'asc' }] });
      const descending = allIds({ sort: [{ field: 'duration', direction: 'desc' }] });
      expect(byId(1).duration).toBe(byId(41).duration);
      expect(relevanceRank.get(1)!).toBeLessThan(relevanceRank.get(41)!);
      for (const order of [ascending, descending]) {
        expect(order.indexOf(1)).toBe(order.indexOf(41) - 1);
      }
    });

    it('sorts titles case- and accent-insensitively, whatever the locale', () => {
      const titles = createSearchEngine();
      titles.upsert(
        ['banana clip', 'Apple clip', 'Éclair clip', 'cherry clip', 'apple clip'].map((title, i) =>
          video(i + 1, title, '', [], 60),
        ),
      );
      const order = (direction: 'asc' | 'desc') =>
        titles
          .search({ ownerId: OWNER, text: 'clip', sort: [{ field: 'title', direction }] })
          .hits.map((hit) => hit.title);
      expect(order('asc')).toEqual(['Apple clip', 'apple clip', 'banana clip', 'cherry clip', 'Éclair clip']);
      expect(order('desc')).toEqual(['Éclair clip', 'cherry clip', 'banana clip', 'Apple clip', 'apple clip']);
    });

    it('sorts by creation time, undated videos first ascending and last descending', () => {
      const ascending = allIds({ sort: [{ field: 'created_at', direction: 'asc' }] });
      const time = (videoId: number) => {
        const createdAt = byId(videoId).createdAt;
        return createdAt === undefined ? -Infinity : Date.parse(createdAt);
      };
      const times = ascending.map(time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(-Infinity);
      const descending = allIds({ sort: [{ field: 'created_at', direction: 'desc' }] });
      expect(time(descending.at(-1)!)).toBe(-Infinity);
    });

    it('applies the criteria in turn', () => {
      const order = allIds({
        sort: [
          { field: 'created_at', direction: 'desc' },
          { field: 'duration', direction: 'asc' },
        ],
      });
      const keys = order.map((videoId) => [byId(videoId).createdAt ?? '', byId(videoId).duration] as const);
      const sorted = [...keys].sort(([createdA, durationA], [createdB, durationB]) =>
        createdA === createdB ? durationA - durationB : createdA < createdB ? 1 : -1,
      );
      expect(keys).toEqual(sorted);
    });

    it('keeps the relevance order and scores for relevance descending, and reverses it ascending', () => {
      expect(search({ sort: [{ field: 'relevance', direction: 'desc' }] })).toEqual(search({}));
      const ascending = allIds({ sort: [{ field: 'relevance', direction: 'asc' }] });
      expect(relevanceRank.get(ascending[0])).toBeGreaterThan(relevanceRank.get(ascending.at(-1)!)!);
    });

    it('gives sorted hits the score the relevance order gives them', () => {
      const scores = new Map(search({ limit: 1000 }).hits.map((hit) => [hit.videoId, hit.score]));
      for (const hit of search({ limit: 1000, sort: [{ field: 'title', direction: 'asc' }] }).hits) {
        expect(hit.score).toBeCloseTo(scores.get(hit.videoId)!, 6);
      }
    });
  });

  describe('paging', () => {
    it('pages through every match with offset and limit, counting them all', () => {
      for (const sort of [undefined, [{ field: 'duration', direction: 'asc' } as const]]) {
        const everything = allIds({ sort });
        const pages: number[] = [];
        for (let offset = 0; offset < LIBRARY.length; offset += 7) {
          const page = search({ offset, limit: 7, sort });
          expect(page.totalHits).toBe(LIBRARY.length);
          pages.push(...page.hits.map((hit) => hit.videoId));
        }
        expect(pages).toEqual(everything);
      }
    });

    it('answers an offset past the matches with no hits but the full count', () => {
      expect(search({ offset: 48 })).toMatchObject({ hits: [], totalHits: 48 });
      expect(search({ offset: 100, sort: [{ field: 'title', direction: 'asc' }] })).toMatchObject({
        hits: [],
        totalHits: 48,
      });
    });
  });

  describe('creation time filters', () => {
    const createdAt = (videoId: number) => byId(videoId).createdAt;

    it('keeps videos created within the bounds, both inclusive', () => {
      const after = new Date(Date.UTC(2026, 0, 3)).toISOString();
      const before = new Date(Date.UTC(2026, 0, 5)).toISOString();
      const expected = LIBRARY.filter(
        (document) => document.createdAt !== undefined && document.createdAt >= after && document.createdAt <= before,
      ).map((document) => document.videoId);
      expect(expected.length).toBeGreaterThan(0);
      expect(allIds({ createdAfter: after, createdBefore: before }).sort((a, b) => a - b)).toEqual(expected);
      expect(allIds({ createdAfter: after }).every((videoId) => createdAt(videoId)! >= after)).toBe(true);
      expect(allIds({ createdBefore: before }).every((videoId) => createdAt(videoId)! <= before)).toBe(true);
    });

    it('leaves out videos without a creation time', () => {
      const undated = LIBRARY.filter((document) => document.createdAt === undefined).map(
        (document) => document.videoId,
      );
      expect(undated.length).toBeGreaterThan(0);
      const found = allIds({ createdAfter: '1970-01-01T00:00:00.000Z' });
      expect(found).toHaveLength(LIBRARY.length - undated.length);
      expect(found.some((videoId) => undated.includes(videoId))).toBe(false);
      expect(allIds({ createdBefore: '2100-01-01T00:00:00.000Z' })).toHaveLength(LIBRARY.length - undated.length);
    });

    it('matches nothing for crossed or unreadable bounds', () => {
      expect(allIds({ createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' })).toEqual([]);
      expect(allIds({ createdAfter: 'yesterday' })).toEqual([]);
    });
  });
});

describe('InMemorySearchEngine text analysis', () => {
  it('folds case and accents on both sides', () => {
    const sut = createSearchEngine();
    sut.upsert([video(1, 'Café au lait', 'Crème brûlée', [], 60)]);
    expect(
      sut.search({ ownerId: OWNER, text: 'CAFE creme', algorithm: 'text' }).hits.map((hit) => hit.videoId),
    ).toEqual([1]);
    expect(sut.search({ ownerId: OWNER, text: 'café', algorithm: 'text' }).hits[0].matchedText).toBe(
      '<mark>Café</mark> au lait',
    );
  });

  it('completes a short prefix with the most frequent words first', () => {
    const sut = createSearchEngine();
    const rare = Array.from({ length: 3000 }, (_, i) => video(i + 1, `ca${i.toString(36)}x`, 'filler', [], 60));
    sut.upsert([...rare, video(5000, 'Cat', 'cat', [], 60), video(5001, 'Cat again', 'cat', [], 60)]);
    const ids = sut
      .search({ ownerId: OWNER, text: 'ca', algorithm: 'prefix', limit: 2 })
      .hits.map((hit) => hit.videoId);
    expect(ids.sort()).toEqual([5000, 5001]);
  });
});
