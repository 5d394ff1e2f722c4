import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone';
import { DeletionIndex, DeletionIndexSnapshot, editDistance } from './deletion-index';
import { grow } from './typed-arrays';
import { WordTable } from './word-table';

const doubleMetaphone = new DoubleMetaphone();
/** Words whose two-edit neighbours are kept between queries (the cache is dropped when full). */
const MAX_CACHED_TWO_EDITS = 256;

/**
 * One owner's surface words (folded, unstemmed) with the number of live documents containing each, the
 * stem term each maps to, and the lookups the algorithms expand query words through: a sorted word list for
 * prefixes, a deletion-neighbourhood index for typos and, built on first use, double metaphone codes for
 * sound-alikes. Words whose documents are all gone stay allocated but are skipped by every lookup; the sorted
 * list drops them at its next merge, so re-indexing a document (every word leaves and comes back) costs no
 * pass over the list.
 */
export class Vocabulary {
  private readonly table = new WordTable();
  private terms = new Int32Array(1024);
  private documentCounts = new Int32Array(1024);
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private liveWordCount = 0;
  private readonly deletions = new DeletionIndex((id) => this.table.word(id));
  private phonetic: Map<string, number[]> | null = null;
  /** Characters of the words with ids below `alphabetScanned` (words never change, so it only grows). */
  private readonly characters = new Set<string>();
  private alphabetScanned = 0;
  /**
   * Two-edit lookups by word, valid while `liveVersion` (raised whenever a word becomes live or dies) is
   * unchanged: an as-you-type query repeats its finished words on every keystroke.
   */
  private readonly twoEdits = new Map<string, number[]>();
  private twoEditsVersion = 0;
  private liveVersion = 0;

  /** Id of `word`, or -1. */
  idOf(word: string): number {
    return this.table.findWord(word);
  }

  /** Id of the word `text.slice(start, end)` with `WordTable.hash` `hash`, or -1; allocates nothing. */
  find(text: string, start: number, end: number, hash: number): number {
    return this.table.find(text, start, end, hash);
  }

  word(id: number): string {
    return this.table.word(id);
  }

  termOf(id: number): number {
    return this.terms[id];
  }

  documentCount(id: number): number {
    return this.documentCounts[id];
  }

  /** Live words (in at least one document). */
  size(): number {
    return this.liveWordCount;
  }

  /** Registers a new word mapped to stem `term` (-1 for a stop word), contained in no document yet. */
  addWord(word: string, term: number, hash = WordTable.hash(word, 0, word.length)): number {
    const id = this.table.add(word, hash);
    if (id === this.terms.length) {
      this.terms = grow(this.terms, id * 2);
      this.documentCounts = grow(this.documentCounts, id * 2);
    }
    this.terms[id] = term;
    return id;
  }

  /** One more document contains word `id`. */
  addOccurrence(id: number): void {
    if (this.documentCounts[id]++ === 0) {
      this.becameLive(id, this.table.word(id));
    }
  }

  removeOccurrence(id: number): void {
    if (--this.documentCounts[id] === 0) {
      this.liveWordCount--;
      this.liveVersion++;
    }
  }

  /** Live words starting with `prefix`; beyond `limit` of them, the `limit` found in the most documents. */
  withPrefix(prefix: string, limit: number): number[] {
    const sorted = this.sortedWords();
    const found: number[] = [];
    for (let at = lowerBound(sorted, prefix); at < sorted.length && sorted[at].startsWith(prefix); at++) {
      const id = this.table.findWord(sorted[at]);
      if (this.documentCounts[id] > 0) {
        found.push(id);
      }
    }
    if (found.length <= limit) {
      return found;
    }
    return found.sort((a, b) => this.documentCounts[b] - this.documentCounts[a]).slice(0, limit);
  }

  /** Live words within `maxDistance` (at most one) edits of `word`, excluding `word` itself. */
  withinOneEdit(word: string): number[] {
    return this.deletions
      .candidates(word)
      .filter(
        (id) =>
          this.documentCounts[id] > 0 &&
          this.table.word(id) !== word &&
          editDistance(word, this.table.word(id), 1) <= 1,
      );
  }

  /**
   * Live words two edits from `word`. The deletion index finds words within one edit of a string, so this asks
   * it for every string one edit from the word (over the characters the vocabulary uses): about a thousand
   * lookups for a ten-letter word, and only for words long enough for two typos in the owner's settings.
   */
  withinTwoEdits(word: string): number[] {
    if (this.twoEditsVersion !== this.liveVersion) {
      this.twoEdits.clear();
      this.twoEditsVersion = this.liveVersion;
    }
    let found = this.twoEdits.get(word);
    if (!found) {
      if (this.twoEdits.size >= MAX_CACHED_TWO_EDITS) {
        this.twoEdits.clear();
      }
      found = this.findTwoEdits(word);
      this.twoEdits.set(word, found);
    }
    return found;
  }

  /**
   * Up to `limit` live words starting with `prefix`, found in the most documents first (alphabetical among
   * equals): a walk of the prefix's range of the sorted words keeping the best in a small sorted array.
   */
  completions(prefix: string, limit: number): Array<{ id: number; documents: number }> {
    const best: Array<{ id: number; documents: number }> = [];
    if (limit < 1) {
      return best;
    }
    const sorted = this.sortedWords();
    for (let at = lowerBound(sorted, prefix); at < sorted.length && sorted[at].startsWith(prefix); at++) {
      const id = this.table.findWord(sorted[at]);
      const documents = this.documentCounts[id];
      if (documents === 0 || (best.length === limit && documents <= best[limit - 1].documents)) {
        continue;
      }
      let position = best.length === limit ? limit - 1 : best.length;
      while (position > 0 && best[position - 1].documents < documents) {
        best[position] = best[position - 1];
        position--;
      }
      best[position] = { id, documents };
    }
    return best;
  }

  /** Live words sharing a double metaphone code with `word`, excluding `word` itself. */
  soundingLike(word: string): number[] {
    const index = this.phoneticIndex();
    const found = new Set<number>();
    for (const code of phoneticCodes(word)) {
      for (const id of index.get(code) ?? []) {
        if (this.documentCounts[id] > 0 && this.table.word(id) !== word) {
          found.add(id);
        }
      }
    }
    return [...found];
  }

  /** Settles lazy structures after a batch of changes, so the cost lands in indexing rather than in a query. */
  prepare(): void {
    this.deletions.prepareBulk();
    if (this.unsorted.length > this.sorted.length / 2) {
      this.sortedWords();
    }
  }

  byteSize(): number {
    return this.terms.byteLength * 2 + this.table.byteSize() + this.deletions.byteSize();
  }

  toSnapshot(): VocabularySnapshot {
    const size = this.table.size;
    return {
      words: Array.from({ length: size }, (_, id) => this.table.word(id)),
      terms: this.terms.slice(0, size),
      documentCounts: this.documentCounts.slice(0, size),
      deletions: this.deletions.toSnapshot(),
    };
  }

  /** Loads a snapshot into this (empty) vocabulary. */
  restore(snapshot: VocabularySnapshot): void {
    const size = snapshot.words.length;
    this.terms = new Int32Array(Math.max(1024, size));
    this.terms.set(snapshot.terms);
    this.documentCounts = new Int32Array(Math.max(1024, size));
    this.documentCounts.set(snapshot.documentCounts);
    this.table.load(snapshot.words);
    this.unsorted = [...this.liveWords()].map(([, word]) => word);
    this.liveWordCount = this.unsorted.length;
    this.deletions.restore(snapshot.deletions);
    this.liveVersion++;
  }

  private becameLive(id: number, word: string): void {
    this.liveWordCount++;
    this.liveVersion++;
    // A word that died and came back may still sit in the sorted list: the merge keeps one copy.
    this.unsorted.push(word);
    this.deletions.add(id);
    if (this.phonetic) {
      addPhonetic(this.phonetic, id, word);
    }
  }

  /**
   * Newly live words wait unsorted; a lookup merges them in one linear pass after sorting just them, dropping
   * dead words and duplicates on the way. Dead words left in between are skipped by the lookups.
   */
  private sortedWords(): string[] {
    if (this.unsorted.length > 0 || this.sorted.length > 2 * this.liveWordCount + 1024) {
      this.sorted = this.mergeLive(this.sorted, this.unsorted.sort());
      this.unsorted = [];
    }
    return this.sorted;
  }

  private mergeLive(a: string[], b: string[]): string[] {
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const word = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (word !== merged[merged.length - 1] && this.documentCounts[this.table.findWord(word)] > 0) {
        merged.push(word);
      }
    }
    return merged;
  }

  private findTwoEdits(word: string): number[] {
    const alphabet = this.alphabet();
    const candidates = new Set<number>();
    const visit = (variant: string): void => {
      for (const id of this.deletions.candidates(variant)) {
        candidates.add(id);
      }
    };
    for (let at = 0; at <= word.length; at++) {
      const head = word.slice(0, at);
      const tail = word.slice(at + 1);
      for (const character of alphabet) {
        visit(head + character + word.slice(at));
        if (at < word.length && character !== word[at]) {
          visit(head + character + tail);
        }
      }
      if (at < word.length) {
        visit(head + tail);
      }
      if (at + 1 < word.length) {
        visit(head + word[at + 1] + word[at] + word.slice(at + 2));
      }
    }
    return [...candidates].filter(
      (id) => this.documentCounts[id] > 0 && editDistance(word, this.table.word(id), 2) === 2,
    );
  }

  /** Every character of the vocabulary's words, brought up to date with the words added since the last call. */
  private alphabet(): ReadonlySet<string> {
    for (; this.alphabetScanned < this.table.size; this.alphabetScanned++) {
      for (const character of this.table.word(this.alphabetScanned)) {
        this.characters.add(character);
      }
    }
    return this.characters;
  }

  private phoneticIndex(): Map<string, number[]> {
    if (!this.phonetic) {
      const index = new Map<string, number[]>();
      for (const [id, word] of this.liveWords()) {
        addPhonetic(index, id, word);
      }
      this.phonetic = index;
    }
    return this.phonetic;
  }

  private *liveWords(): Iterable<[number, string]> {
    for (let id = 0; id < this.table.size; id++) {
      if (this.documentCounts[id] > 0) {
        yield [id, this.table.word(id)];
      }
    }
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function phoneticCodes(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) {
    return [];
  }
  const [primary, secondary] = doubleMetaphone.process(word);
  return primary === secondary ? [primary] : [primary, secondary];
}

function addPhonetic(index: Map<string, number[]>, id: number, word: string): void {
  for (const code of phoneticCodes(word)) {
    if (code.length === 0) {
      continue;
    }
    const ids = index.get(code);
    if (ids) {
      ids.push(id);
    } else {
      index.set(code, [id]);
    }
  }
}

export interface VocabularySnapshot {
  words: string[];
  terms: Int32Array;
  documentCounts: Int32Array;
  deletions: DeletionIndexSnapshot;
}
