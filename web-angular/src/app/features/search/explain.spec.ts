import { WordExplanation } from '../../core/api/search.types';
import { clockTime, fieldsDescription, matchDescription, partLabel, partsView, togglePick } from './explain';

const word = (overrides: Partial<WordExplanation>): WordExplanation => ({
  word: 'pasta',
  kind: 'exact',
  matched: 'pasta',
  typo_distance: 0,
  expansion_weight: 1,
  idf: 2,
  fields: [
    { field: 'title', frequency: 1, weight: 3, length_norm: 1 },
    { field: 'tags', frequency: 1, weight: 2, length_norm: 1 },
  ],
  term_frequency: 5,
  raw_score: 1.6,
  part: 0.5,
  caption_cue: null,
  ...overrides,
});

describe('partsView', () => {
  const explanation = {
    parts: { words: 0.6, proximity: 0.2, exact_match_bonus: 0.1, captions: 0, rank_cap: -0.05 },
  } as Parameters<typeof partsView>[0];

  it('lists every part, sums them and checks the sum against the score', () => {
    const view = partsView(explanation, 0.85);
    expect(view.rows.map((row) => row.key)).toEqual([
      'words',
      'proximity',
      'exact_match_bonus',
      'captions',
      'rank_cap',
    ]);
    expect(view.sum).toBeCloseTo(0.85, 10);
    expect(view.addsUp).toBe(true);
    expect(view.rows[0].width).toBe(100);
    expect(view.rows[4].width).toBe(8);
  });

  it('says when the parts miss the score', () => {
    expect(partsView(explanation, 0.9).addsUp).toBe(false);
  });
});

describe('word descriptions', () => {
  it('describes each kind of match', () => {
    expect(matchDescription(word({}))).toBe('exact');
    expect(matchDescription(word({ kind: 'typo', word: 'psta', typo_distance: 1 }))).toBe('typo (1 edit) of “pasta”');
    expect(matchDescription(word({ kind: 'typo', typo_distance: 2 }))).toBe('typo (2 edits) of “pasta”');
    expect(matchDescription(word({ kind: 'synonym', matched: 'noodles' }))).toBe('synonym: “noodles”');
    expect(matchDescription(word({ kind: 'none', matched: '' }))).toBe('not found');
  });

  it('lists the fields with their weights', () => {
    expect(fieldsDescription(word({}))).toBe('title ×3, tags ×2');
    expect(fieldsDescription(word({ fields: [] }))).toBe('–');
  });

  it('formats caption times', () => {
    expect(clockTime(252000)).toBe('4:12');
    expect(clockTime(3723000)).toBe('1:02:03');
  });
});

describe('togglePick', () => {
  it('keeps the two newest picks and unpicks a picked one', () => {
    expect(togglePick([], 1)).toEqual([1]);
    expect(togglePick([1, 2], 3)).toEqual([2, 3]);
    expect(togglePick([1, 2], 1)).toEqual([2]);
  });
});

describe('partLabel', () => {
  it('names score parts and query words', () => {
    expect(partLabel('proximity')).toBe('Words close together');
    expect(partLabel('word:cooking')).toBe('Word “cooking”');
    expect(partLabel('something_new')).toBe('something_new');
  });
});
