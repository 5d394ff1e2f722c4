import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords';
import { WordTable } from '../index/word-table';

/** A word of a text: its folded lower-case form and where it sits in the original string. */
export interface TextToken {
  word: string;
  start: number;
  end: number;
}

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
const NOT_PLAIN_ASCII = /[^a-z0-9]/;
const COMBINING_MARKS = /\p{M}/gu;
const MAX_WORD_LENGTH = 40;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Tokenisation, case and accent folding, stop words and Porter stemming (natural).
 */
export class Analyzer {
  private readonly stopWords = new Set(naturalStopWords);

  tokenize(text: string): TextToken[] {
    const tokens: TextToken[] = [];
    for (const match of text.matchAll(WORD_PATTERN)) {
      const raw = match[0];
      if (raw.length > MAX_WORD_LENGTH) {
        continue;
      }
      const start = match.index;
      tokens.push({ word: this.fold(raw), start, end: start + raw.length });
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
   * word), except for words that need accent folding.
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
        if (i - start <= MAX_WORD_LENGTH) {
          if (ascii) {
            visit(lower, start, i, hash | 0);
          } else {
            const folded = this.fold(lower.slice(start, i));
            visit(folded, 0, folded.length, WordTable.hash(folded, 0, folded.length));
          }
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

  /** Porter stem (natural); numbers are kept as they are. Indexes call this once per new word, not per token. */
  stem(word: string): string {
    return /^\p{N}+$/u.test(word) ? word : PorterStemmer.stem(word);
  }

  fold(word: string): string {
    const lower = word.toLowerCase();
    return NOT_PLAIN_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower;
  }
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
