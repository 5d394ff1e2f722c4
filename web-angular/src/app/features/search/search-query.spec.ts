import {
  durationFacets,
  EMPTY_CRITERIA,
  hasFilters,
  pageInfo,
  tagFacets,
  toggleTag,
  toInstantQuery,
} from './search-query';

describe('toInstantQuery', () => {
  it('asks for both facets and leaves defaults out', () => {
    expect(toInstantQuery({ ...EMPTY_CRITERIA, q: '  pasta  ' })).toEqual({
      q: 'pasta',
      limit: 10,
      facets: ['tags', 'duration'],
    });
  });

  it('asks for explanations only when the toggle is on', () => {
    expect(toInstantQuery({ ...EMPTY_CRITERIA, q: 'pasta', explain: true }).explain).toBe(true);
    expect(toInstantQuery({ ...EMPTY_CRITERIA, q: 'pasta', explain: false })).not.toHaveProperty('explain');
  });

  it('turns refinements, a duration bucket, the sort and the page into parameters', () => {
    expect(
      toInstantQuery({ q: 'cook', tags: ['baking', 'bread'], duration: '60-300', sort: 'duration:desc', offset: 20 }),
    ).toEqual({
      q: 'cook',
      limit: 10,
      facets: ['tags', 'duration'],
      offset: 20,
      sort: ['duration:desc'],
      tags_all: ['baking', 'bread'],
      min_duration: 60,
      max_duration: 299,
    });
  });

  it('leaves the upper bound open for the last bucket', () => {
    const query = toInstantQuery({ ...EMPTY_CRITERIA, q: 'x', duration: '1200+' });
    expect(query.min_duration).toBe(1200);
    expect('max_duration' in query).toBe(false);
  });

  it('maps every bucket to bounds that do not overlap', () => {
    const bounds = (['0-60', '60-300', '300-1200'] as const).map((duration) =>
      toInstantQuery({ ...EMPTY_CRITERIA, q: 'x', duration }),
    );
    expect(bounds.map((b) => [b.min_duration, b.max_duration])).toEqual([
      [0, 59],
      [60, 299],
      [300, 1199],
    ]);
  });
});

describe('facets', () => {
  it('toggles tags case-insensitively', () => {
    expect(toggleTag(['Pasta'], 'pasta')).toEqual([]);
    expect(toggleTag(['pasta'], 'bread')).toEqual(['pasta', 'bread']);
  });

  it('lists selected tags first, then by count and name, keeping selected ones missing from the counts', () => {
    const facets = tagFacets({ tags: { cooking: 2, pasta: 1, baking: 1, bike: 3 } }, ['baking', 'gone']);
    expect(facets).toEqual([
      { tag: 'baking', count: 1, selected: true },
      { tag: 'gone', count: 0, selected: true },
      { tag: 'bike', count: 3, selected: false },
      { tag: 'cooking', count: 2, selected: false },
      { tag: 'pasta', count: 1, selected: false },
    ]);
  });

  it('caps the tag list but never drops a selected tag', () => {
    const facets = tagFacets({ tags: { a: 5, b: 4, c: 3 } }, ['c'], 2);
    expect(facets.map((facet) => facet.tag)).toEqual(['c', 'a']);
  });

  it('always lists the four duration buckets', () => {
    expect(durationFacets({ duration: { '0-60': 1, '1200+': 2 } }).map((facet) => facet.count)).toEqual([1, 0, 0, 2]);
    expect(durationFacets(undefined)).toHaveLength(4);
  });

  it('knows when filters are set', () => {
    expect(hasFilters(EMPTY_CRITERIA)).toBe(false);
    expect(hasFilters({ ...EMPTY_CRITERIA, duration: '0-60' })).toBe(true);
    expect(hasFilters({ ...EMPTY_CRITERIA, tags: ['a'] })).toBe(true);
  });
});

describe('pageInfo', () => {
  it('pages by offset with the estimated total', () => {
    expect(pageInfo(0, 10, 10, 25)).toEqual({ from: 1, to: 10, total: 25, previousOffset: null, nextOffset: 10 });
    expect(pageInfo(20, 10, 5, 25)).toEqual({ from: 21, to: 25, total: 25, previousOffset: 10, nextOffset: null });
    expect(pageInfo(0, 10, 0, 0)).toEqual({ from: 0, to: 0, total: 0, previousOffset: null, nextOffset: null });
  });
});
