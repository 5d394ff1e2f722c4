import type { EngineExplanation, EngineWordExplanation } from '@search/engine/search-engine';
import { compareResults, ExplainedResult } from './result-comparison';

function word(text: string, part: number): EngineWordExplanation {
  return {
    word: text,
    kind: part > 0 ? 'exact' : 'none',
    matched: part > 0 ? text : '',
    typoDistance: 0,
    expansionWeight: part > 0 ? 1 : 0,
    idf: 1,
    fields: [],
    termFrequency: 0,
    rawScore: part,
    part,
  };
}

function explained(
  videoId: number,
  words: EngineWordExplanation[],
  bonuses: Partial<Omit<EngineExplanation['parts'], 'words'>> = {},
): ExplainedResult {
  const wordsPart = words.reduce((sum, each) => sum + each.part, 0);
  const parts = { proximity: 0, exactMatchBonus: 0, captions: 0, rankCap: 0, ...bonuses, words: wordsPart };
  const score = parts.words + parts.proximity + parts.exactMatchBonus + parts.captions + parts.rankCap;
  return {
    videoId,
    title: `Video ${videoId}`,
    relevanceScore: score,
    matchedText: '',
    matchedFields: ['title'],
    explanation: {
      words,
      normalization: 1,
      coverage: 1,
      coverageFactor: 1,
      fieldsScore: wordsPart,
      captionScore: 0,
      captionCue: '',
      parts,
      score,
    },
  };
}

describe('compareResults', () => {
  const a = explained(1, [word('pasta', 0.4), word('night', 0.1)], { proximity: 0.2, exactMatchBonus: 0.05 });
  const b = explained(2, [word('pasta', 0.3), word('night', 0)], { captions: 0.15 });

  it('sets every part side by side, and the differences add up to the score difference', () => {
    const comparison = compareResults(a, b);

    expect(comparison.scoreDifference).toBeCloseTo(a.relevanceScore - b.relevanceScore, 10);
    const total = comparison.differences.reduce((sum, part) => sum + part.difference, 0);
    expect(total).toBeCloseTo(comparison.scoreDifference, 10);
    expect(comparison.differences.map((part) => part.part).sort()).toEqual(
      ['captions', 'exact_match_bonus', 'proximity', 'rank_cap', 'word:night', 'word:pasta'].sort(),
    );
  });

  it('lists the largest gap first and names it in the summary', () => {
    const comparison = compareResults(a, b);

    expect(comparison.differences[0]).toEqual({ part: 'proximity', a: 0.2, b: 0, difference: 0.2 });
    expect(comparison.summary).toBe(
      'Video 1 ranks above video 2 (0.750 against 0.450); proximity decides it most: 0.200 against 0.000.',
    );
  });

  it('speaks of the higher video first when b outranks a', () => {
    const comparison = compareResults(b, a);

    expect(comparison.scoreDifference).toBeLessThan(0);
    expect(comparison.summary).toMatch(/^Video 1 ranks above video 2 /);
  });

  it('names a query word as the word', () => {
    const words = compareResults(explained(3, [word('pasta', 0.9)]), explained(4, [word('pasta', 0.2)]));

    expect(words.summary).toContain('the word "pasta" decides it most');
  });

  it('says so when the two score the same', () => {
    const comparison = compareResults(explained(5, [word('pasta', 0.5)]), explained(6, [word('pasta', 0.5)]));

    expect(comparison.summary).toBe('Videos 5 and 6 score the same (0.500).');
  });

  it('returns both results with their explanations', () => {
    const comparison = compareResults(a, b);

    expect(comparison.a?.videoId).toBe(1);
    expect(comparison.b?.explanation?.parts?.captions).toBe(0.15);
  });
});
