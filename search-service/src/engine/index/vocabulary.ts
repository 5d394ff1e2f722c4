import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone';
import { DeletionIndex, editDistance } from './deletion-index';
import { grow } from './typed-arrays';

const doubleMetaphone = new DoubleMetaphone();

/**
 * One owner's surface words (folded, unstemmed) with the number of live documents containing each, the
 * stem term each maps to, and the lookups the algorithms expand query words through: a sorted word list for
 * prefixes, a deletion-neighbourhood index for typos and, built on first use, double metaphone codes for
 * sound-alikes. Words whose documents are all gone stay allocated but are skipped by every lookup.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private terms = new Int32Array(1024);
  private documentCounts = new Int32Array(1024);
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private readonly deletions = new DeletionIndex(() => this.liveWords());
  private phonetic: Map<string, number[]> | null = null;

  /** Id of `word`, or -1. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  word(id: number): string {
    return this.words[id];
  }

  termOf(id: number): number {
    return this.terms[id];
  }

  documentCount(id: number): number {
    return this.documentCounts[id];
  }

  /** Live words (in at least one document). */
  size(): number {
    return this.sorted.length + this.unsorted.length;
  }

  /** Registers `word` (mapped to stem `term`) if new and counts one more document containing it. */
  addOccurrence(word: string, term: number): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      if (id === this.terms.length) {
        this.terms = grow(this.terms, id * 2);
        this.documentCounts = grow(this.documentCounts, id * 2);
      }
      this.ids.set(word, id);
      this.words.push(word);
      this.terms[id] = term;
    }
    if (this.documentCounts[id]++ === 0) {
      this.becameLive(id, word);
    }
    return id;
  }

  removeOccurrence(id: number): void {
    if (--this.documentCounts[id] === 0) {
      this.becameDead(this.words[id]);
    }
  }

  /** Live words starting with `prefix`, at most `limit`, in alphabetical order. */
  withPrefix(prefix: string, limit: number): number[] {
    const sorted = this.sortedWords();
    const found: number[] = [];
    for (let at = lowerBound(sorted, prefix); at < sorted.length && found.length < limit; at++) {
      if (!sorted[at].startsWith(prefix)) {
        break;
      }
      found.push(this.ids.get(sorted[at]) as number);
    }
    return found;
  }

  /** Live words within `maxDistance` (at most one) edits of `word`, excluding `word` itself. */
  withinOneEdit(word: string): number[] {
    return this.deletions
      .candidates(word)
      .filter(
        (id) => this.documentCounts[id] > 0 && this.words[id] !== word && editDistance(word, this.words[id], 1) <= 1,
      );
  }

  /** Live words sharing a double metaphone code with `word`, excluding `word` itself. */
  soundingLike(word: string): number[] {
    const index = this.phoneticIndex();
    const found = new Set<number>();
    for (const code of phoneticCodes(word)) {
      for (const id of index.get(code) ?? []) {
        if (this.documentCounts[id] > 0 && this.words[id] !== word) {
          found.add(id);
        }
      }
    }
    return [...found];
  }

  byteSize(): number {
    return this.terms.byteLength * 2 + this.deletions.byteSize();
  }

  private becameLive(id: number, word: string): void {
    this.unsorted.push(word);
    this.deletions.add(id, word);
    if (this.phonetic) {
      addPhonetic(this.phonetic, id, word);
    }
  }

  private becameDead(word: string): void {
    const sorted = this.sortedWords();
    const at = lowerBound(sorted, word);
    if (sorted[at] === word) {
      sorted.splice(at, 1);
    }
  }

  /** Newly live words are merged lazily: one by one when few, by a full sort after a bulk load. */
  private sortedWords(): string[] {
    if (this.unsorted.length > 0) {
      if (this.unsorted.length > 64) {
        this.sorted = this.sorted.concat(this.unsorted).sort();
      } else {
        for (const word of this.unsorted) {
          this.sorted.splice(lowerBound(this.sorted, word), 0, word);
        }
      }
      this.unsorted = [];
    }
    return this.sorted;
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
    for (let id = 0; id < this.words.length; id++) {
      if (this.documentCounts[id] > 0) {
        yield [id, this.words[id]];
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
