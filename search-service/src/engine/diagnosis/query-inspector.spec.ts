import { CORPUS, OTHER_OWNER, OWNER } from '../__fixtures__/corpus';
import { createSearchEngine, DEFAULT_ENGINE_SETTINGS, EngineSettings, SearchEngine } from '../index';

describe('query inspection', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert(CORPUS);
  });

  const withSettings = (change: Partial<EngineSettings>): EngineSettings => ({ ...DEFAULT_ENGINE_SETTINGS, ...change });

  it('counts the documents holding each word through its stem', () => {
    const [word] = sut.inspect(OWNER, 'Guitars').words;
    expect(word).toEqual({ word: 'guitars', stopWord: null, documents: 2, nearest: null, typoReachesNearest: false });
  });

  it('tells built-in stop words from the owner’s', () => {
    const { words } = sut.inspect(OWNER, 'the sunrise', withSettings({ stopWords: ['sunrise'] }));
    expect(words.map(({ word, stopWord }) => [word, stopWord])).toEqual([
      ['the', 'built_in'],
      ['sunrise', 'owner'],
    ]);
    expect(words[1].documents).toBe(1);
  });

  it('finds the closest library word of an absent word, one edit before two', () => {
    const [word] = sut.inspect(OWNER, 'gitar').words;
    expect(word.nearest).toEqual({ word: 'guitar', distance: 1, documents: 2 });
    expect(word.typoReachesNearest).toBe(true);
  });

  it('says when the typo settings do not reach the closest word', () => {
    const twoEdits = sut.inspect(OWNER, 'gxitxr').words[0];
    expect(twoEdits.nearest).toEqual({ word: 'guitar', distance: 2, documents: 2 });
    expect(twoEdits.typoReachesNearest).toBe(false);

    const disabled = withSettings({ typoTolerance: { ...DEFAULT_ENGINE_SETTINGS.typoTolerance, enabled: false } });
    expect(sut.inspect(OWNER, 'gitar', disabled).words[0].typoReachesNearest).toBe(false);
  });

  it('has no nearest word when nothing is within two edits', () => {
    expect(sut.inspect(OWNER, 'zzzzzz').words[0]).toMatchObject({ documents: 0, nearest: null });
  });

  it('knows nothing of another owner’s library', () => {
    expect(sut.inspect(OTHER_OWNER, 'guitar')).toEqual({
      documents: 0,
      words: [{ word: 'guitar', stopWord: null, documents: 0, nearest: null, typoReachesNearest: false }],
    });
  });
});
