import { OTHER_OWNER, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from './index';

describe('suggest', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert([
      video(1, 'Spaghetti carbonara', 'The Roman carbonara with guanciale', [], 600),
      video(2, 'Carbonara without cream', 'Eggs and cheese only', [], 300),
      video(3, 'Carrot cake', 'A carrot cake with cream cheese frosting', [], 900),
      video(4, 'Carbon steel pans', 'Seasoning a carbon steel pan', [], 700),
      video(5, 'Crème brûlée', 'Torching the sugar crust', ['dessert'], 400),
      video(6, 'Carousel rides', 'The carousel at the fair', [], 200, OTHER_OWNER),
    ]);
  });

  const words = (prefix: string, limit = 10, ownerId = OWNER) =>
    sut.suggest(ownerId, prefix, limit).map((suggestion) => suggestion.word);

  it('completes the prefix with words of the owner, in the most documents first', () => {
    expect(sut.suggest(OWNER, 'car', 10)).toEqual([
      { word: 'carbonara', documents: 2 },
      { word: 'carbon', documents: 1 },
      { word: 'carrot', documents: 1 },
    ]);
  });

  it("never suggests another owner's words", () => {
    expect(words('car')).not.toContain('carousel');
    expect(words('car', 10, OTHER_OWNER)).toEqual(['carousel']);
  });

  it('folds case and accents of the prefix, and returns the folded surface word, not the stem', () => {
    expect(words('CRÈ')).toEqual(['cream', 'creme']);
    expect(words('seas')).toEqual(['seasoning']);
  });

  it('returns at most `limit` completions', () => {
    expect(words('car', 2)).toEqual(['carbonara', 'carbon']);
    expect(words('car', 0)).toEqual([]);
  });

  it('completes the last word of a several-word prefix', () => {
    expect(words('spaghetti carb')).toEqual(['carbonara', 'carbon']);
  });

  it('never suggests stop words, which are not indexed', () => {
    expect(words('th')).toEqual([]);
  });

  it('returns nothing for an empty prefix or an unknown owner', () => {
    expect(words('')).toEqual([]);
    expect(words('  ')).toEqual([]);
    expect(words('car', 10, 999)).toEqual([]);
  });
});
