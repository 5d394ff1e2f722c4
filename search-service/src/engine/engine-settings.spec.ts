import { CORPUS, OWNER, video } from './__fixtures__/corpus';
import { createSearchEngine, DEFAULT_ENGINE_SETTINGS, EngineQuery, EngineSettings, SearchEngine } from './index';

const ALGORITHMS = ['auto', 'text', 'fuzzy', 'prefix', 'phonetic'];

function settingsWith(changes: Partial<EngineSettings>): EngineSettings {
  return { ...structuredClone(DEFAULT_ENGINE_SETTINGS), ...changes };
}

describe('search settings', () => {
  let sut: SearchEngine;

  beforeEach(() => {
    sut = createSearchEngine();
    sut.upsert([
      ...CORPUS,
      video(20, 'Vintage automobile restoration', 'Bodywork and paint in a small garage', ['classics'], 900),
      video(21, 'Car camping checklist', 'What to pack for a night in the back seat', ['outdoors'], 600),
      video(22, 'Video editing basics', 'Cutting clips on a timeline', ['tech'], 300),
    ]);
  });

  const ids = (query: Partial<EngineQuery> & { text: string }) =>
    sut.search({ ownerId: OWNER, ...query }).hits.map((hit) => hit.videoId);

  describe('defaults', () => {
    it.each(ALGORITHMS)('rank as a query without settings (%s)', (algorithm) => {
      const settings = settingsWith({});
      for (const text of ['guitar lessons', 'gutiar', 'photo', 'philo mind', 'fone', 'the']) {
        expect(sut.search({ ownerId: OWNER, text, algorithm, settings })).toEqual(
          sut.search({ ownerId: OWNER, text, algorithm }),
        );
      }
    });
  });

  describe('synonyms', () => {
    const oneWay = settingsWith({ synonyms: { car: ['automobile'] } });

    it.each(ALGORITHMS)('find a video holding only the synonym (%s)', (algorithm) => {
      expect(ids({ text: 'car ', algorithm })).not.toContain(20);
      expect(ids({ text: 'car ', algorithm, settings: oneWay })).toContain(20);
    });

    it('rank the word as typed above its synonym', () => {
      expect(ids({ text: 'car ', settings: oneWay }).slice(0, 2)).toEqual([21, 20]);
    });

    it('apply to the inflections of the word and of the synonym', () => {
      sut.upsert([video(23, 'Automobiles of the fifties', 'Chrome and fins', [], 700)]);
      expect(ids({ text: 'cars ', settings: oneWay })).toEqual(expect.arrayContaining([20, 21, 23]));
    });

    it('are one-way unless each word lists the other', () => {
      expect(ids({ text: 'automobile ', settings: oneWay })).toEqual([20]);

      const multiWay = settingsWith({ synonyms: { car: ['automobile'], automobile: ['car'] } });
      expect(ids({ text: 'automobile ', settings: multiWay })).toEqual([20, 21]);
      expect(ids({ text: 'car ', settings: multiWay })).toEqual([21, 20]);
    });

    it('find each word of a several-word synonym', () => {
      const settings = settingsWith({ synonyms: { restoration: ['paint job'] } });
      expect(ids({ text: 'repaint restoration ', settings })).toContain(20);
      expect(ids({ text: 'restoration ', settings: settingsWith({ synonyms: { motor: ['paint job'] } }) })).toEqual([
        20,
      ]);
    });

    it('take effect on the next search', () => {
      const settings = settingsWith({ synonyms: { sedan: ['automobile'] } });
      expect(ids({ text: 'sedan ' })).toEqual([]);
      expect(ids({ text: 'sedan ', settings })).toEqual([20]);
    });
  });

  describe('stop words', () => {
    const settings = settingsWith({ stopWords: ['video'] });

    it('are ignored in the query', () => {
      expect(ids({ text: 'guitar video ' })).toContain(22);
      expect(ids({ text: 'guitar video ', settings })).toEqual(ids({ text: 'guitar ' }));
    });

    it('are ignored even as the word being typed', () => {
      expect(ids({ text: 'guitar video', settings })).toEqual(ids({ text: 'guitar ' }));
    });

    it('are searched when the query holds nothing else', () => {
      expect(ids({ text: 'the video ', settings })).toEqual([22]);
    });

    it('leave a query of built-in stop words as it was', () => {
      expect(ids({ text: 'the ', settings })).toEqual([]);
      expect(ids({ text: 'the', settings })).toEqual(ids({ text: 'the' }));
    });
  });

  describe('typo tolerance', () => {
    const typos = (typoTolerance: Partial<EngineSettings['typoTolerance']>) =>
      settingsWith({ typoTolerance: { ...DEFAULT_ENGINE_SETTINGS.typoTolerance, ...typoTolerance } });

    it.each(['auto', 'fuzzy'])('when disabled, stops a typo from finding the word (%s)', (algorithm) => {
      expect(ids({ text: 'guitr ', algorithm })).toContain(1);
      expect(ids({ text: 'guitr ', algorithm, settings: typos({ enabled: false }) })).toEqual([]);
    });

    it('when disabled, still completes the word being typed', () => {
      expect(ids({ text: 'guit', settings: typos({ enabled: false }) })).toEqual([1, 2]);
    });

    it('corrects one typo only in words of the configured size', () => {
      const settings = typos({ minWordSizeOneTypo: 6, minWordSizeTwoTypos: 8 });
      expect(ids({ text: 'guitr', algorithm: 'fuzzy', settings })).toEqual([]);
      expect(ids({ text: 'guitarr', algorithm: 'fuzzy', settings })).toEqual([1, 2]);
    });

    it('corrects two typos in words of the configured size', () => {
      expect(ids({ text: 'marrathn', algorithm: 'fuzzy' })).toEqual([]);
      expect(ids({ text: 'marrathn', algorithm: 'fuzzy', settings: typos({ minWordSizeTwoTypos: 9 }) })).toEqual([]);
      expect(ids({ text: 'marrathn', algorithm: 'fuzzy', settings: typos({ minWordSizeTwoTypos: 8 }) })).toEqual([6]);
    });

    it('ranks a two-typo correction below a one-typo one', () => {
      sut.upsert([
        video(24, 'Biking trails', 'Forest routes', [], 900),
        video(25, 'Hiking trails', 'Forest routes', [], 900),
      ]);
      expect(ids({ text: 'hikeing ', algorithm: 'fuzzy' })).toEqual([25]);
      const settings = typos({ minWordSizeTwoTypos: 7 });
      expect(ids({ text: 'hikeing ', algorithm: 'fuzzy', settings })).toEqual([25, 24]);
    });
  });

  describe('field weights', () => {
    beforeEach(() => {
      sut.upsert([
        video(30, 'Kayak basics', 'Paddling on a calm lake for the first time', [], 600),
        video(31, 'A calm lake weekend', 'Kayak trips and paddling with friends', [], 600),
      ]);
    });

    it('reorder documents matching in different fields', () => {
      expect(ids({ text: 'kayak ' })).toEqual([30, 31]);
      const settings = settingsWith({ fieldWeights: { title: 0.5, description: 5, tags: 1 } });
      expect(ids({ text: 'kayak ', settings })).toEqual([31, 30]);
    });

    it('leave out a field weighted 0', () => {
      const settings = settingsWith({ fieldWeights: { title: 1, description: 0, tags: 1 } });
      expect(ids({ text: 'kayak ', settings })).toEqual([30]);
    });
  });
});
