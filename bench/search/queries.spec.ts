import { BenchDocument } from './corpus';
import { generateQueries, misspell, words } from './queries';
import { seededRandom } from './random';

const CORPUS: BenchDocument[] = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  title: `specimen${i} collection`,
  description: `a remarkable assortment of minerals gathered near mountain${i} valleys during expeditions`,
  tags: ['noun'],
  duration: 60,
}));

describe('benchmark queries', () => {
  it('are deterministic per seed and differ between seeds', () => {
    expect(generateQueries(CORPUS, 1, 20)).toEqual(generateQueries(CORPUS, 1, 20));
    expect(generateQueries(CORPUS, 2, 20).exact).not.toEqual(generateQueries(CORPUS, 1, 20).exact);
  });

  it('derive the three classes from the same target and words', () => {
    const set = generateQueries(CORPUS, 7, 30);
    expect(set.exact).toHaveLength(30);
    set.exact.forEach((exact, i) => {
      const typo = set.typo[i];
      const prefix = set.prefix[i];
      const target = CORPUS[exact.target - 1];
      const exactWords = exact.text.split(' ');
      expect(exactWords.length).toBeGreaterThanOrEqual(2);
      expect(exactWords.length).toBeLessThanOrEqual(4);
      exactWords.forEach((word) => expect(words(`${target.title} ${target.description}`)).toContain(word));
      const typoWords = typo.text.split(' ');
      exactWords.forEach((word, w) => {
        if (word.length >= 5) {
          expect(typoWords[w]).not.toBe(word);
        } else {
          expect(typoWords[w]).toBe(word);
        }
      });
      const prefixWords = prefix.text.split(' ');
      const last = exactWords[exactWords.length - 1];
      expect(prefixWords.slice(0, -1)).toEqual(exactWords.slice(0, -1));
      expect(last.startsWith(prefixWords[prefixWords.length - 1])).toBe(true);
      expect(prefixWords[prefixWords.length - 1].length).toBeGreaterThanOrEqual(3);
      expect(prefixWords[prefixWords.length - 1].length).toBeLessThan(last.length);
      expect(typo.target).toBe(exact.target);
      expect(prefix.target).toBe(exact.target);
    });
  });

  it('misspell with exactly one edit', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const typo = misspell(random, 'mountain');
      expect(typo).not.toBe('mountain');
      expect(Math.abs(typo.length - 'mountain'.length)).toBeLessThanOrEqual(1);
    }
  });
});
