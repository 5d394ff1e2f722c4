import { createSearchEngine, EngineCue, EngineDocument, EngineQuery, SearchEngine } from '../index';

const OWNER = 1;
const OTHER_OWNER = 2;

/** Cues of `seconds` each, one per line of `lines`, starting at `fromSeconds`. */
function cues(lines: string[], fromSeconds = 0, seconds = 4): EngineCue[] {
  return lines.map((text, at) => ({
    startMs: (fromSeconds + at * seconds) * 1000,
    endMs: (fromSeconds + (at + 1) * seconds) * 1000,
    text,
  }));
}

function video(videoId: number, title: string, captions: EngineCue[] = [], extra: Partial<EngineDocument> = {}) {
  return { ownerId: OWNER, videoId, title, description: '', tags: [], duration: 600, captions, ...extra };
}

const FILLER = Array.from({ length: 60 }, (_, i) => `we talk about the weather and the garden number ${i}`);

describe('captions in search', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    const baking = [...FILLER];
    baking[63 - 3] = 'now she explains how the sourdough starter is fed';
    sut.upsert([
      video(1, 'Weekend baking', cues(baking, 0, 4.2)),
      video(2, 'Sourdough starter basics', cues(['a quiet intro', 'more words here'])),
      video(3, 'Sourdough starter from scratch', cues(['today the sourdough starter gets fed'])),
      video(4, 'Garden tour', cues(FILLER), { tags: ['garden'] }),
    ]);
  });

  const search = (query: Partial<EngineQuery> & { text: string }) => sut.search({ ownerId: OWNER, ...query });

  it('finds a video by what is said in it and answers the moment', () => {
    const hit = search({ text: 'sourdough starter' }).hits.find((found) => found.videoId === 1);
    expect(hit).toBeDefined();
    expect(hit?.matchedFields).toEqual(['captions']);
    expect(hit?.moments[0]).toEqual({
      startMs: 252_000,
      endMs: 256_200,
      text: 'now she explains how the <mark>sourdough</mark> <mark>starter</mark> is fed',
    });
    expect(hit?.matchedText).toBe('now she explains how the <mark>sourdough</mark> <mark>starter</mark> is fed');
  });

  it('ranks a video matching in its title and its captions above either alone', () => {
    expect(search({ text: 'sourdough starter' }).hits.map((hit) => hit.videoId)).toEqual([3, 2, 1]);
  });

  it('answers no moments for a video that matched only in its fields', () => {
    const hit = search({ text: 'sourdough starter' }).hits.find((found) => found.videoId === 2);
    expect(hit?.moments).toEqual([]);
    expect(hit?.matchedFields).toEqual(['title']);
  });

  it('lists a video at most three moments, the best first', () => {
    const hit = search({ text: 'garden weather' }).hits.find((found) => found.videoId === 4);
    expect(hit?.moments).toHaveLength(3);
  });

  it.each(['text', 'fuzzy', 'prefix', 'phonetic', 'auto'])('finds the moment with the %s algorithm', (algorithm) => {
    const text = { text: 'sourdough', fuzzy: 'sourdugh', prefix: 'sourdou', phonetic: 'sowerdough', auto: 'sourdough' }[
      algorithm
    ] as string;
    const hit = search({ text, algorithm }).hits.find((found) => found.videoId === 1);
    expect(hit?.moments[0]?.startMs).toBe(252_000);
  });

  it('applies the filters to videos found by their captions', () => {
    expect(search({ text: 'weather', tags: ['garden'] }).hits.map((hit) => hit.videoId)).toEqual([4]);
    expect(search({ text: 'weather', videoIds: [1] }).hits.map((hit) => hit.videoId)).toEqual([1]);
    expect(search({ text: 'weather', tagsNot: ['garden'] }).hits.map((hit) => hit.videoId)).toEqual([1]);
  });

  it('counts videos found only by their captions in the total and the facets', () => {
    const result = search({ text: 'weather', facets: ['tags'] });
    expect(result.totalHits).toBe(2);
    expect(result.facetDistribution.tags).toEqual({ garden: 1 });
  });

  it('sorts videos found by their captions with the others', () => {
    sut.upsert([video(5, 'Weather report', [], { duration: 10 })]);
    const hits = search({ text: 'weather', sort: [{ field: 'duration', direction: 'asc' }] }).hits;
    expect(hits.map((hit) => hit.videoId)).toEqual([5, 1, 4]);
  });

  it("never answers another owner's captions", () => {
    sut.upsert([{ ...video(9, 'Other', cues(['a secret recipe'])), ownerId: OTHER_OWNER }]);
    expect(search({ text: 'secret recipe' }).hits).toEqual([]);
    expect(sut.search({ ownerId: OTHER_OWNER, text: 'secret recipe' }).hits[0].moments).toHaveLength(1);
  });

  it('forgets captions replaced, removed with the video, or dropped by an upsert without them', () => {
    expect(sut.stats(OWNER).cues).toBe(124);
    sut.upsert([video(3, 'Sourdough starter from scratch', cues(['only bread now']))]);
    expect(search({ text: 'fed' }).hits.map((hit) => hit.videoId)).toEqual([1]);
    sut.upsert([video(1, 'Weekend baking')]);
    expect(search({ text: 'fed' }).hits).toEqual([]);
    sut.remove(OWNER, [4]);
    expect(search({ text: 'weather' }).hits).toEqual([]);
    expect(sut.stats(OWNER).cues).toBe(3);
  });

  it('marks the moment with the requested highlight tags', () => {
    const hit = search({ text: 'starter', highlightPreTag: '[', highlightPostTag: ']' }).hits.find(
      (found) => found.videoId === 1,
    );
    expect(hit?.moments[0].text).toBe('now she explains how the sourdough [starter] is fed');
  });

  it('keeps the captions through a snapshot', () => {
    const restored = createSearchEngine();
    restored.restore(sut.snapshot());
    expect(restored.search({ ownerId: OWNER, text: 'sourdough starter' })).toEqual(
      search({ text: 'sourdough starter' }),
    );
    expect(restored.stats().cues).toBe(124);
  });

  it('finds words said in a language written without spaces', () => {
    sut.upsert([video(7, 'Tokyo night', cues(['東京タワーの夜景を撮影します']))]);
    expect(search({ text: '夜景' }).hits.map((hit) => hit.videoId)).toEqual([7]);
  });
});
