import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords';
import { WordTable } from '../index/word-table';

/** A word of a text: its folded lower-case form and where it sits in the original string. */
export interface TextToken {
  word: string;
  start: number;
  end: number;
}

export interface TokenizeOptions {
  /**
   * Also the overlapping Han/Katakana bigrams `scan` yields, so the tokens are exactly the words `words`
   * gives (in the same order). Off by default: the tokens then never overlap, as marking text expects.
   */
  bigrams?: boolean;
}

const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_PLAIN_ASCII = /[^a-z0-9]/;
const NOT_ASCII = /[\u0080-\uffff]/;
const DIGITS = /^\p{N}+$/u;
/**
 * Scripts written without spaces between words: a run of letters holding one of their characters is cut into
 * words by ICU's dictionaries (`Intl.Segmenter`) instead of being taken as one word.
 */
const SPACELESS_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * Characters between which bigrams are indexed as well: kanji/hanzi compounds and katakana loanwords are
 * where a dictionary word of the text (大阪城公園, 東京タワー) holds the word a user searches for (公園,
 * 東京), or where the dictionary splits wrongly (上|海外|滩 for 上海外滩). Hiragana is left out: it spells
 * particles and endings, which the dictionary cuts well and whose bigrams would only add noise.
 */
const BIGRAM_CHARACTER = /^[\p{Script_Extensions=Han}\p{Script_Extensions=Katakana}]/u;
/**
 * A character with the marks that follow it: a decomposed が is two code units, a half-width ｶﾞ two letters
 * (the half-width voicing marks are letters, not marks), each one character.
 */
const CHARACTER = /[^\p{M}\uff9e\uff9f][\p{M}\uff9e\uff9f]*|[\p{M}\uff9e\uff9f]+/gu;
const COMBINING_MARKS = /\p{M}/gu;
/**
 * Marks removed by folding, as UTF-16 ranges: the accents of Latin, Greek and Cyrillic letters (after
 * decomposition), Hebrew points and Arabic vowel signs. Other marks are part of the letter: Thai and Indic
 * vowel signs, the kana voicing marks (ガ is not カ).
 */
const FOLDED_MARK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
/** Latin letters that do not decompose but are commonly typed as these (Straße as strasse). */
const EXPANDED_LETTERS = /[ßæœøđł]/g;
const LETTER_EXPANSIONS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l' };
const MAX_WORD_LENGTH = 40;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * ICU word segmentation, created once. ICU picks its dictionary by the script of the text (Chinese/Japanese,
 * Thai, Lao, Khmer, Burmese), not by the locale; a fixed locale keeps the index independent of the process's.
 */
const SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Tokenisation, case and accent folding, stop words and Porter stemming (natural). Runs of letters in scripts
 * written without spaces (Japanese, Chinese, Thai, Lao, Khmer, Burmese) are cut into dictionary words, and
 * Han/Katakana runs also yield their character bigrams, so a word is found inside a longer dictionary word.
 */
export class Analyzer {
  private readonly stopWords = new Set(naturalStopWords);

  tokenize(text: string, options: TokenizeOptions = {}): TextToken[] {
    if (!NOT_ASCII.test(text)) {
      // `scan` cuts the same words by character codes, and lower-casing ASCII keeps every offset.
      const ascii: TextToken[] = [];
      this.scan(text, (lower, start, end) => ascii.push({ word: lower.slice(start, end), start, end }));
      return ascii;
    }
    const tokens: TextToken[] = [];
    const bigrams = options.bigrams === true;
    for (const match of text.matchAll(WORD_PATTERN)) {
      const raw = match[0];
      const offset = match.index;
      if (SPACELESS_SCRIPT.test(raw)) {
        forEachWordSpan(raw, bigrams, (start, end) => {
          const word = this.fold(raw.slice(start, end));
          if (word !== '') {
            tokens.push({ word, start: offset + start, end: offset + end });
          }
        });
      } else if (raw.length <= MAX_WORD_LENGTH) {
        const word = this.fold(raw);
        if (word !== '') {
          tokens.push({ word, start: offset, end: offset + raw.length });
        }
      }
    }
    return tokens;
  }

  /** Folded words only, for indexing where offsets are not needed. */
  words(text: string): string[] {
    const words: string[] = [];
    this.scan(text, (source, start, end) => words.push(source.slice(start, end)));
    return words;
  }

  /**
   * Calls `visit` for each folded word as a span of a string, with its `WordTable` hash: a character scan
   * over the lower-cased text that allocates no per-word strings (the regex path builds a match object per
   * word), except for words that need accent folding or segmentation.
   */
  scan(text: string, visit: (source: string, start: number, end: number, hash: number) => void): void {
    const lower = text.toLowerCase();
    let start = -1;
    let ascii = true;
    let hash = 0;
    for (let i = 0; i <= lower.length; i++) {
      const code = i < lower.length ? lower.charCodeAt(i) : 32;
      const isWordCharacter =
        (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && isUnicodeWordCharacter(lower, i));
      if (isWordCharacter) {
        if (start < 0) {
          start = i;
          ascii = true;
          hash = FNV_OFFSET;
        }
        ascii &&= code < 128;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      } else if (start >= 0) {
        if (ascii) {
          if (i - start <= MAX_WORD_LENGTH) {
            visit(lower, start, i, hash | 0);
          }
        } else {
          this.scanUnicodeRun(lower.slice(start, i), visit);
        }
        start = -1;
      }
    }
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word);
  }

  stopWordList(): Iterable<string> {
    return this.stopWords;
  }

  /**
   * Porter stem (natural) of a plain a-z word; numbers and words of other scripts are kept as they are (Porter
   * knows English suffixes only). Indexes call this once per new word, not per token.
   */
  stem(word: string): string {
    return NOT_PLAIN_ASCII.test(word) || DIGITS.test(word) ? word : PorterStemmer.stem(word);
  }

  fold(word: string): string {
    const lower = word.toLowerCase();
    if (!NOT_PLAIN_ASCII.test(lower)) {
      return lower;
    }
    return lower
      .normalize('NFKD')
      .replace(COMBINING_MARKS, (mark) => (isFoldedMark(mark.charCodeAt(0)) ? '' : mark))
      .replace(EXPANDED_LETTERS, (letter) => LETTER_EXPANSIONS[letter])
      .normalize('NFC')
      .toLowerCase();
  }

  /** A lower-cased run of word characters beyond ASCII: folded, and segmented when its script needs it. */
  private scanUnicodeRun(run: string, visit: (source: string, start: number, end: number, hash: number) => void): void {
    if (SPACELESS_SCRIPT.test(run)) {
      forEachWordSpan(run, true, (start, end) => {
        const word = this.fold(run.slice(start, end));
        if (word !== '') {
          visit(word, 0, word.length, WordTable.hash(word, 0, word.length));
        }
      });
    } else if (run.length <= MAX_WORD_LENGTH) {
      const word = this.fold(run);
      if (word !== '') {
        visit(word, 0, word.length, WordTable.hash(word, 0, word.length));
      }
    }
  }
}

/**
 * Calls `emit(start, end)` for the words of `run` (a run of word characters holding a character of a script
 * written without spaces), in order of start: ICU's words (only those it calls word-like), and with
 * `bigrams` also every pair of consecutive Han/Katakana characters that ICU did not already make a word of,
 * each after the ICU word starting where it starts. Words longer than the maximum are skipped.
 */
function forEachWordSpan(run: string, bigrams: boolean, emit: (start: number, end: number) => void): void {
  const words: number[] = [];
  for (const { segment, index, isWordLike } of SEGMENTER.segment(run)) {
    if (isWordLike === true && segment.length <= MAX_WORD_LENGTH) {
      words.push(index, index + segment.length);
    }
  }
  let next = 0;
  if (bigrams) {
    let previous = -1;
    let lastStart = -1;
    let lastEnd = -1;
    for (const character of run.matchAll(CHARACTER)) {
      const start = character.index;
      if (!BIGRAM_CHARACTER.test(character[0])) {
        previous = -1;
        continue;
      }
      if (previous >= 0) {
        const end = start + character[0].length;
        for (; next < words.length && words[next] <= previous; next += 2) {
          lastStart = words[next];
          lastEnd = words[next + 1];
          emit(lastStart, lastEnd);
        }
        if ((lastStart !== previous || lastEnd !== end) && end - previous <= MAX_WORD_LENGTH) {
          emit(previous, end);
        }
      }
      previous = start;
    }
  }
  for (; next < words.length; next += 2) {
    emit(words[next], words[next + 1]);
  }
}

function isFoldedMark(code: number): boolean {
  return FOLDED_MARK_RANGES.some(([first, last]) => code >= first && code <= last);
}

const UNICODE_WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks beyond ASCII; surrogate pairs are checked as one code point. */
function isUnicodeWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff && at > 0) {
    return UNICODE_WORD_CHARACTER.test(text.slice(at - 1, at + 1));
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    return UNICODE_WORD_CHARACTER.test(text.slice(at, at + 2));
  }
  return UNICODE_WORD_CHARACTER.test(text[at]);
}
