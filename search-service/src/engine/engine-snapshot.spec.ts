import { serialize } from 'node:v8';
import { CORPUS, OTHER_OWNER, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, EngineQuery, InvalidSnapshotError, SearchEngine } from './index';

describe('engine snapshot', () => {
  const queries: EngineQuery[] = [
    { ownerId: OWNER, text: 'guitar lessons' },
    { ownerId: OWNER, text: 'gutiar', algorithm: 'fuzzy' },
    { ownerId: OWNER, text: 'philo', algorithm: 'prefix' },
    { ownerId: OWNER, text: 'fone', algorithm: 'phonetic' },
    { ownerId: OWNER, text: 'explained', tags: ['education'], minDuration: 400 },
    { ownerId: OTHER_OWNER, text: 'zeppelin' },
    {
      ownerId: OWNER,
      text: 'photo explained',
      facets: ['tags', 'duration'],
      sort: [{ field: 'title', direction: 'asc' }],
    },
    {
      ownerId: OWNER,
      text: 'explained photo',
      createdAfter: '2026-01-02T00:00:00Z',
      createdBefore: '2026-01-05T00:00:00Z',
    },
    { ownerId: OWNER, text: 'explained photo', sort: [{ field: 'created_at', direction: 'desc' }], offset: 1 },
  ];
  let source: SearchEngine;

  beforeEach(() => {
    source = createSearchEngine();
    source.upsert([
      ...CORPUS.map((document, i) => ({ ...document, createdAt: `2026-01-0${i + 1}T12:00:00.000Z` })),
      video(100, 'Zeppelin history', 'Airships', ['History'], 60, OTHER_OWNER),
    ]);
    source.remove(OWNER, [8]);
  });

  it('restores an engine that answers every algorithm and filter exactly as the original', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    for (const query of queries) {
      expect(sut.search(query)).toEqual(source.search(query));
    }
    expect(sut.stats()).toEqual(source.stats());
  });

  it('keeps accepting changes after a restore', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    sut.upsert([video(1, 'Banjo basics', 'Five strings', [], 60), video(9, 'Guitar repair', 'Frets', [], 60)]);
    sut.remove(OWNER, [2]);
    expect(sut.search({ ownerId: OWNER, text: 'guitar' }).hits.map((hit) => hit.videoId)).toEqual([9]);
    expect(sut.search({ ownerId: OWNER, text: 'banjo' }).hits.map((hit) => hit.videoId)).toEqual([1]);
    expect(sut.search({ ownerId: OWNER, text: 'gitar', algorithm: 'fuzzy' }).hits.map((hit) => hit.videoId)).toEqual([
      9,
    ]);
  });

  it('keeps creation times and the given form of tags', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    const dated = { ownerId: OWNER, text: 'explained', createdBefore: '2026-01-04T12:00:00.000Z' };
    expect(sut.search(dated).hits.map((hit) => hit.videoId)).toEqual([4]);
    expect(sut.search({ ownerId: OTHER_OWNER, text: 'zeppelin', facets: ['tags'] }).facetDistribution).toEqual({
      tags: { History: 1 },
    });
  });

  it('counts facets and sorts the same after changes made on top of a restore', () => {
    const sut = createSearchEngine();
    sut.restore(source.snapshot());
    const changes = [video(9, 'Photo basics', 'Light explained', ['Photo', 'Beginners'], 30)];
    for (const engine of [sut, source]) {
      engine.upsert(changes);
      engine.remove(OWNER, [3]);
    }
    const query: EngineQuery = {
      ownerId: OWNER,
      text: 'photo explained light',
      facets: ['tags', 'duration'],
      sort: [{ field: 'duration', direction: 'asc' }],
    };
    expect(sut.search(query)).toEqual(source.search(query));
    expect(sut.search(query).facetDistribution.tags).toMatchObject({ photo: 1, Beginners: 1 });
  });

  it('rejects a snapshot of the previous format, so the service loads every document again', () => {
    const sut = createSearchEngine();
    expect(() => sut.restore(serialize({ format: 'videosearch-engine/1', owners: [] }))).toThrow(InvalidSnapshotError);
    expect(sut.stats().documents).toBe(0);
  });

  it('rejects bytes that are not a snapshot', () => {
    const sut = createSearchEngine();
    expect(() => sut.restore(Buffer.from('not a snapshot'))).toThrow(InvalidSnapshotError);
  });
});
