import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords';

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
/** Stemming costs microseconds per call; the cache is bounded so an adversarial corpus cannot grow it forever. */
const MAX_STEM_CACHE = 500_000;

/**
 * Tokenisation, case and accent folding, stop words and Porter stemming (natural). Stems are cached per
 * surface word because a corpus repeats a small vocabulary millions of times.
 */
export class Analyzer {
  private readonly stopWords = new Set(naturalStopWords);
  private readonly stemCache = new Map<string, string>();

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
    for (const match of text.matchAll(WORD_PATTERN)) {
      if (match[0].length <= MAX_WORD_LENGTH) {
        words.push(this.fold(match[0]));
      }
    }
    return words;
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word);
  }

  stem(word: string): string {
    const cached = this.stemCache.get(word);
    if (cached !== undefined) {
      return cached;
    }
    const stem = /^\p{N}+$/u.test(word) ? word : PorterStemmer.stem(word);
    if (this.stemCache.size >= MAX_STEM_CACHE) {
      this.stemCache.clear();
    }
    this.stemCache.set(word, stem);
    return stem;
  }

  fold(word: string): string {
    const lower = word.toLowerCase();
    return NOT_PLAIN_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower;
  }
}
