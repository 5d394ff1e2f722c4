import { Vocabulary } from './vocabulary';

function vocabularyOf(words: string[]): { vocabulary: Vocabulary; ids: Map<string, number> } {
  const vocabulary = new Vocabulary();
  const ids = new Map(words.map((word, i) => [word, vocabulary.addWord(word, i)]));
  return { vocabulary, ids };
}

const wordsOf = (vocabulary: Vocabulary, ids: number[]): string[] => ids.map((id) => vocabulary.word(id)).sort();

describe('Vocabulary', () => {
  it('lists live words by prefix and counts them', () => {
    const { vocabulary, ids } = vocabularyOf(['carbon', 'carbonara', 'cart', 'dog']);
    ids.forEach((id) => vocabulary.addOccurrence(id));

    expect(wordsOf(vocabulary, vocabulary.withPrefix('car', 10))).toEqual(['carbon', 'carbonara', 'cart']);
    expect(vocabulary.size()).toBe(4);
  });

  it('no longer lists a word once its last document is gone', () => {
    const { vocabulary, ids } = vocabularyOf(['carbon', 'cart']);
    ids.forEach((id) => vocabulary.addOccurrence(id));
    vocabulary.withPrefix('car', 10);

    vocabulary.removeOccurrence(ids.get('cart')!);

    expect(wordsOf(vocabulary, vocabulary.withPrefix('car', 10))).toEqual(['carbon']);
    expect(vocabulary.size()).toBe(1);
  });

  it('lists a word that died and came back once', () => {
    const { vocabulary, ids } = vocabularyOf(['carbon', 'cart']);
    ids.forEach((id) => vocabulary.addOccurrence(id));
    vocabulary.withPrefix('car', 10);

    for (let round = 0; round < 3; round++) {
      vocabulary.removeOccurrence(ids.get('cart')!);
      vocabulary.addOccurrence(ids.get('cart')!);
    }

    expect(wordsOf(vocabulary, vocabulary.withPrefix('car', 10))).toEqual(['carbon', 'cart']);
    expect(vocabulary.size()).toBe(2);
  });

  it('stays correct through many documents re-indexed in turn', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const { vocabulary, ids } = vocabularyOf(words);
    ids.forEach((id) => vocabulary.addOccurrence(id));
    for (const [word, id] of ids) {
      vocabulary.removeOccurrence(id);
      if (!word.endsWith('7')) {
        vocabulary.addOccurrence(id);
      }
      vocabulary.withPrefix('word1', 5);
    }

    const live = words.filter((word) => !word.endsWith('7'));
    expect(vocabulary.size()).toBe(live.length);
    expect(wordsOf(vocabulary, vocabulary.withPrefix('word', 10_000))).toEqual(live.sort());
  });

  describe('completions', () => {
    const counted = (counts: Record<string, number>): Vocabulary => {
      const { vocabulary, ids } = vocabularyOf(Object.keys(counts));
      for (const [word, id] of ids) {
        for (let i = 0; i < counts[word]; i++) {
          vocabulary.addOccurrence(id);
        }
      }
      return vocabulary;
    };
    const completions = (vocabulary: Vocabulary, prefix: string, limit: number) =>
      vocabulary.completions(prefix, limit).map(({ id, documents }) => [vocabulary.word(id), documents]);

    it('lists the words found in the most documents first, alphabetically among equals', () => {
      const vocabulary = counted({ carbon: 1, carbonara: 3, cart: 2, care: 2, dog: 5 });

      expect(completions(vocabulary, 'car', 10)).toEqual([
        ['carbonara', 3],
        ['care', 2],
        ['cart', 2],
        ['carbon', 1],
      ]);
    });

    it('keeps the best `limit` of a wide prefix', () => {
      const vocabulary = counted({ carbon: 1, carbonara: 3, cart: 2, care: 2 });

      expect(completions(vocabulary, 'ca', 2)).toEqual([
        ['carbonara', 3],
        ['care', 2],
      ]);
      expect(completions(vocabulary, 'ca', 0)).toEqual([]);
    });

    it('skips words whose documents are gone', () => {
      const { vocabulary, ids } = vocabularyOf(['carbon', 'cart']);
      ids.forEach((id) => vocabulary.addOccurrence(id));
      vocabulary.removeOccurrence(ids.get('cart')!);

      expect(completions(vocabulary, 'car', 10)).toEqual([['carbon', 1]]);
    });
  });

  describe('withinTwoEdits', () => {
    it('finds the live words exactly two edits away', () => {
      const { vocabulary, ids } = vocabularyOf(['marathon', 'marathons', 'macaroon', 'mara', 'paragon']);
      ids.forEach((id) => vocabulary.addOccurrence(id));

      expect(wordsOf(vocabulary, vocabulary.withinTwoEdits('marrathn'))).toEqual(['marathon']);
      expect(wordsOf(vocabulary, vocabulary.withinTwoEdits('marathon'))).toEqual([]);
    });
  });
});
