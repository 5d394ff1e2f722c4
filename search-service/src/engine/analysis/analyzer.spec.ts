import { video } from '../__fixtures__/corpus';
import { createSearchEngine, SearchEngine } from '../index';
import { WordTable } from '../index/word-table';
import { Analyzer } from './analyzer';

const ALGORITHMS = ['auto', 'text', 'prefix', 'fuzzy', 'phonetic'];

describe('Analyzer', () => {
  const sut = new Analyzer();

  /** Every span `scan` visits, checking that the hash it passes is the `WordTable` hash of that span. */
  const scanned = (text: string): string[] => {
    const words: string[] = [];
    sut.scan(text, (source, start, end, hash) => {
      expect(hash).toBe(WordTable.hash(source, start, end));
      words.push(source.slice(start, end));
    });
    return words;
  };

  describe('scripts written without spaces', () => {
    it('cuts Japanese into dictionary words, with the bigrams of kanji and katakana compounds', () => {
      expect(sut.words('東京タワーの夜景を撮影する')).toEqual([
        '東京タワー',
        '東京',
        '京タ',
        'タワ',
        'ワー',
        'の',
        '夜景',
        'を',
        '撮影',
        'する',
      ]);
    });

    it('cuts Chinese into words and bigrams, a bigram the dictionary already made a word of only once', () => {
      expect(sut.words('如何制作酸面包')).toEqual(['如何', '何制', '制作', '作酸', '酸', '酸面', '面包']);
      expect(sut.words('面包')).toEqual(['面包']);
    });

    it('cuts Thai, Lao, Khmer and Burmese into dictionary words, without bigrams', () => {
      expect(sut.words('วิธีทำขนมปังซาวโดว์')).toEqual(sut.words('วิธี ทำ ขนมปัง ซาว โดว์'));
      expect(sut.words('วิธีทำขนมปังซาวโดว์')).toHaveLength(5);
      expect(sut.words('ຂ້ອຍຮັກເຈົ້າ')).toHaveLength(3);
      expect(sut.words('ខ្ញុំស្រលាញ់អ្នក')).toHaveLength(3);
      expect(sut.words('မြန်မာစာ')).toHaveLength(2);
    });

    it('keeps Latin words and numbers of mixed text as before, around the segmented ones', () => {
      expect(sut.words('Tokyo 東京タワー 2024')).toEqual([
        'tokyo',
        '東京タワー',
        '東京',
        '京タ',
        'タワ',
        'ワー',
        '2024',
      ]);
      expect(sut.words('iPhone用ケース')).toEqual(['iphone', '用', '用ケ', 'ケース', 'ケー', 'ース']);
    });

    it('segments a sentence longer than the longest word instead of dropping it', () => {
      const sentence = '今日は東京タワーに行って夜景を撮影してから新宿でラーメンを食べて最後に渋谷の交差点を歩きました';
      expect(sentence.length).toBeGreaterThan(40);
      expect(sut.words(sentence)).toEqual(expect.arrayContaining(['夜景', 'ラーメン', '新宿', '交差点']));
    });

    it('tokenizes a text of ASCII characters only as it tokenizes any other text', () => {
      const ascii = `Hello, WORLD42 a-b_c\t${'x'.repeat(41)} ${'y'.repeat(40)} 3.14 <mark>&amp;`;
      // One character beyond ASCII at the end sends the same text through the general path.
      const general = sut.tokenize(`${ascii} é`).slice(0, -1);
      expect(sut.tokenize(ascii)).toEqual(general);
      expect(general.map((token) => token.word)).toEqual([
        'hello',
        'world42',
        'a',
        'b',
        'c',
        'y'.repeat(40),
        '3',
        '14',
        'mark',
        'amp',
      ]);
    });

    it('gives tokens with offsets into the original text, never overlapping unless bigrams are asked for', () => {
      const text = 'Tokyo 東京タワーの夜景 2024';
      const tokens = sut.tokenize(text);
      expect(tokens.map(({ word, start, end }) => [word, text.slice(start, end)])).toEqual([
        ['tokyo', 'Tokyo'],
        ['東京タワー', '東京タワー'],
        ['の', 'の'],
        ['夜景', '夜景'],
        ['2024', '2024'],
      ]);
      tokens.slice(1).forEach((token, at) => expect(token.start).toBeGreaterThanOrEqual(tokens[at].end));
      const withBigrams = sut.tokenize(text, { bigrams: true });
      expect(withBigrams.map((token) => text.slice(token.start, token.end))).toContain('東京');
    });

    it('gives the same words on every path, with hashes matching the visited spans', () => {
      for (const text of [
        '東京タワーの夜景を撮影する',
        '如何制作酸面包',
        'วิธีทำขนมปังซาวโดว์',
        'Tokyo 東京タワー 2024',
        'Café au lait, Ñandú und Straße',
        'ｶﾞｲﾄﾞブック',
        'Guitar lessons for beginners',
      ]) {
        const words = scanned(text);
        expect(sut.words(text)).toEqual(words);
        expect(sut.tokenize(text, { bigrams: true }).map((token) => token.word)).toEqual(words);
      }
    });

    it('folds half-width and decomposed kana to the same words as full-width ones, voicing kept', () => {
      expect(sut.words('ｶﾞｲﾄﾞ')).toEqual(sut.words('ガイド'));
      expect(sut.words('カ\u3099イト\u3099')).toEqual(sut.words('ガイド'));
      expect(sut.fold('ガイド')).not.toBe(sut.fold('カイト'));
    });

    it('leaves words of other scripts to Porter unstemmed', () => {
      for (const word of ['東京タワー', '面包', 'ขนมปัง', 'москвы', '東京ies']) {
        expect(sut.stem(word)).toBe(word);
      }
      expect(sut.stem('caresses')).toBe('caress');
      expect(sut.stem('2024')).toBe('2024');
    });
  });

  describe('accent folding', () => {
    it.each([
      ['café', 'cafe'],
      ['Ñandú', 'nandu'],
      ['Straße', 'strasse'],
      ['Łódź', 'lodz'],
      ['cafe\u0301', 'cafe'],
      ['Ｔｏｋｙｏ', 'tokyo'],
    ])('folds %s to %s on every path', (text, folded) => {
      expect(sut.fold(text)).toBe(folded);
      expect(sut.words(text)).toEqual([folded]);
      expect(scanned(text)).toEqual([folded]);
      expect(sut.tokenize(text)).toEqual([{ word: folded, start: 0, end: text.length }]);
    });

    it('keeps the vowel signs of Thai and Devanagari, which are letters there, not accents', () => {
      expect(sut.fold('ขนมปัง')).not.toBe(sut.fold('ขนมปง'));
      expect(sut.fold('काम')).not.toBe(sut.fold('कम'));
    });
  });
});

describe('InMemorySearchEngine in any language', () => {
  const OWNER = 7;
  let engine: SearchEngine;

  beforeEach(() => {
    engine = createSearchEngine();
    engine.upsert([
      video(1, '東京タワーの夜景を撮影する', '三脚を使って長時間露光で撮ります', ['写真'], 600, OWNER),
      video(2, '如何制作酸面包', '从零开始培养酸面团', ['烘焙'], 900, OWNER),
      video(3, 'วิธีทำขนมปังซาวโดว์', 'สูตรง่ายๆ สำหรับมือใหม่', ['อาหาร'], 700, OWNER),
      video(4, 'café au lait', 'Milk coffee the French way', ['coffee'], 300, OWNER),
      video(5, '大阪城公園で花見', '桜の季節におすすめの散歩道', ['旅行'], 500, OWNER),
      video(6, '上海外滩夜景拍摄', '黄浦江两岸的灯光', ['旅行'], 400, OWNER),
      video(7, 'Straße und Ñandú', 'Ein Ausflug in den Zoo', ['reise'], 450, OWNER),
      video(8, 'Guitar lessons for beginners', 'Learn chords step by step', ['music'], 600, OWNER),
    ]);
  });

  const search = (text: string, algorithm?: string) => engine.search({ ownerId: OWNER, text, algorithm });
  const ids = (text: string, algorithm?: string) => search(text, algorithm).hits.map((hit) => hit.videoId);

  it.each([
    ['東京タワー', 1],
    ['東京', 1],
    ['タワー', 1],
    ['撮影', 1],
    ['長時間露光', 1],
    ['面包', 2],
    ['酸面包', 2],
    ['ขนมปัง', 3],
    ['ซาวโดว์', 3],
    ['cafe', 4],
    ['Café', 4],
    ['公園', 5],
    ['大阪城', 5],
    ['花見', 5],
    ['上海', 6],
    ['strasse', 7],
    ['straße', 7],
    ['nandu', 7],
  ])('finds %s (video %d) first with every algorithm', (text, videoId) => {
    for (const algorithm of ALGORITHMS) {
      expect([algorithm, ids(text, algorithm)[0]]).toEqual([algorithm, videoId]);
    }
  });

  it('finds a word every video holding it, the one whose title holds it more closely first', () => {
    for (const algorithm of ALGORITHMS) {
      expect(ids('夜景', algorithm).sort()).toEqual([1, 6]);
    }
  });

  it('finds the words of a caption-like sentence typed with spaces between them', () => {
    expect(ids('東京 夜景')[0]).toBe(1);
    expect(ids('夜景 拍摄')[0]).toBe(6);
  });

  it('finds a word the description holds', () => {
    expect(ids('酸面团')[0]).toBe(2);
    expect(ids('散歩道')[0]).toBe(5);
  });

  it('marks the matched dictionary words in the title', () => {
    expect(search('撮影').hits[0].highlights.title).toBe('東京タワーの夜景を<mark>撮影</mark>する');
    expect(search('面包').hits[0].highlights.title).toBe('如何制作酸<mark>面包</mark>');
    expect(search('cafe').hits[0].highlights.title).toBe('<mark>café</mark> au lait');
  });

  it('marks a word found only as a bigram, and a word with its bigrams as one', () => {
    expect(search('公園').hits[0].highlights.title).toBe('大阪城<mark>公園</mark>で花見');
    expect(search('上海').hits[0].highlights.title).toBe('<mark>上海</mark>外滩夜景拍摄');
    expect(search('東京タワー').hits[0].highlights.title).toBe('<mark>東京タワー</mark>の夜景を撮影する');
    expect(search('東京タワー').hits[0].matchedText).toBe('<mark>東京タワー</mark>の夜景を撮影する');
    expect(search('露光').hits[0].highlights.description).toBe('三脚を使って長時間<mark>露光</mark>で撮ります');
  });

  it('does not match unrelated scripts or words', () => {
    expect(ids('ラーメン')).toEqual([]);
    expect(ids('guitar')).toEqual([8]);
  });

  it('finds the moment a Japanese or Thai caption says a word', () => {
    engine.upsert([
      {
        ...video(9, 'Weekend vlog', '', [], 600, OWNER),
        captions: [
          { startMs: 0, endMs: 4000, text: 'こんにちは、今日は料理をします' },
          { startMs: 250000, endMs: 254000, text: '天然酵母のパン種に餌をあげます' },
          { startMs: 300000, endMs: 304000, text: 'ขั้นตอนสุดท้ายคือการอบขนมปัง' },
        ],
      },
    ]);
    const yeast = search('天然酵母').hits.find((hit) => hit.videoId === 9);
    expect(yeast?.moments[0]).toMatchObject({ startMs: 250000 });
    expect(yeast?.moments[0].text).toBe('<mark>天然酵母</mark>のパン種に餌をあげます');
    const bread = search('ขนมปัง').hits.find((hit) => hit.videoId === 9);
    expect(bread?.moments[0]).toMatchObject({ startMs: 300000 });
  });

  it('suggests completions of a Japanese word being typed', () => {
    expect(engine.suggest(OWNER, '東京', 5).map((suggestion) => suggestion.word)).toContain('東京タワー');
  });
});
