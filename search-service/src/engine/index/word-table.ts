import { grow } from './typed-arrays';

/**
 * Open-addressing hash table from words to dense ids, probed straight from a span of a larger string so
 * indexing does not allocate a string (or pay a Map lookup) per token; only new words are materialised.
 */
export class WordTable {
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 10);
  private readonly words: string[] = [];

  /** FNV-1a over UTF-16 code units. */
  static hash(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash | 0;
  }

  get size(): number {
    return this.words.length;
  }

  word(id: number): string {
    return this.words[id];
  }

  /** Id of `text.slice(start, end)` (whose hash is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at];
      if (entry === 0) {
        return -1;
      }
      const id = entry - 1;
      if (this.hashes[id] === hash && equalsSpan(this.words[id], text, start, length)) {
        return id;
      }
    }
  }

  findWord(word: string): number {
    return this.find(word, 0, word.length, WordTable.hash(word, 0, word.length));
  }

  /** Adds words known to be distinct and absent (a restored snapshot), ids in order. */
  load(words: string[]): void {
    this.rehash(1 << Math.ceil(Math.log2(Math.max(2, (this.words.length + words.length) * 2))));
    for (const word of words) {
      const id = this.words.length;
      if (id === this.hashes.length) {
        this.hashes = grow(this.hashes, id * 2);
      }
      const hash = WordTable.hash(word, 0, word.length);
      this.words.push(word);
      this.hashes[id] = hash;
      this.place(id, hash);
    }
  }

  /** Adds a word known to be absent and returns its id. */
  add(word: string, hash: number): number {
    const id = this.words.length;
    if ((id + 1) * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
    }
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes, id * 2);
    }
    this.words.push(detached(word));
    this.hashes[id] = hash;
    this.place(id, hash);
    return id;
  }

  byteSize(): number {
    return this.slots.byteLength + this.hashes.byteLength;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== 0) {
      at = (at + 1) & mask;
    }
    this.slots[at] = id + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let id = 0; id < this.words.length; id++) {
      this.place(id, this.hashes[id]);
    }
  }
}

function equalsSpan(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) {
    return false;
  }
  for (let i = 0; i < length; i++) {
    if (word.charCodeAt(i) !== text.charCodeAt(start + i)) {
      return false;
    }
  }
  return true;
}

/**
 * V8 represents a slice of 13+ characters as a view of its parent; a stored word must not keep a whole
 * document text reachable, so long words are copied.
 */
function detached(word: string): string {
  return word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string);
}
