import { CORPUS, OWNER } from '../__fixtures__/corpus';
import { createSearchEngine, EngineExplanation, EngineHit, SearchEngine } from '../index';

function partsSum({ parts }: EngineExplanation): number {
  return parts.words + parts.proximity + parts.exactMatchBonus + parts.captions + parts.rankCap;
}

describe('search explanations', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert([
      ...CORPUS,
      {
        ownerId: OWNER,
        videoId: 20,
        title: 'Campfire songs',
        description: 'Evening by the lake',
        tags: [],
        duration: 60,
        captions: [{ startMs: 0, endMs: 2000, text: 'grab your guitar and tune it' }],
      },
    ]);
  });

  const search = (text: string, algorithm?: string, explain = true): EngineHit[] =>
    sut.search({ ownerId: OWNER, text, algorithm, explain }).hits;

  it('leaves explanations out unless asked', () => {
    expect(search('guitar', undefined, false)[0].explanation).toBeUndefined();
  });

  it.each([
    ['guitar lessons', undefined],
    ['running plan', undefined],
    ['gutiar', 'fuzzy'],
    ['photo', 'prefix'],
    ['explained mind', 'text'],
    ['guitar', 'auto'],
  ])('adds up the parts of every hit of "%s" (%s) to its score', (text, algorithm) => {
    const hits = search(text, algorithm);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const explanation = hit.explanation as EngineExplanation;
      expect(explanation.score).toBe(hit.score);
      expect(partsSum(explanation)).toBeCloseTo(hit.score, 6);
      expect(explanation.parts.rankCap).toBeCloseTo(0, 6);
    }
  });

  it('says how each word matched and in which field', () => {
    const [hit] = search('guitar lesson');
    const [guitar, lesson] = (hit.explanation as EngineExplanation).words;
    expect(guitar).toMatchObject({ word: 'guitar', kind: 'exact', matched: 'guitar' });
    expect(guitar.fields.map(({ field }) => field)).toEqual(['title']);
    expect(lesson).toMatchObject({ word: 'lesson', kind: 'stemmed', matched: 'lessons' });
  });

  it('reports a typo with its distance', () => {
    const [hit] = search('gutiar', 'fuzzy');
    expect((hit.explanation as EngineExplanation).words[0]).toMatchObject({
      kind: 'typo',
      matched: 'guitar',
      typoDistance: 1,
    });
  });

  it('reports a completion as a prefix match', () => {
    const hit = search('photog', 'prefix')[0];
    expect((hit.explanation as EngineExplanation).words[0]).toMatchObject({ kind: 'prefix', matched: 'photography' });
  });

  it('credits the captions with what they add to the score', () => {
    const hit = search('guitar').find(({ videoId }) => videoId === 20) as EngineHit;
    const explanation = hit.explanation as EngineExplanation;
    expect(explanation.words[0].kind).toBe('none');
    expect(explanation.captionScore).toBeGreaterThan(0);
    expect(explanation.captionCue).toContain('<mark>guitar</mark>');
    expect(explanation.parts.captions).toBeCloseTo(hit.score, 6);
  });
});
