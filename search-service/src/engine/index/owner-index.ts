import { Analyzer } from '../analysis/analyzer';
import { EngineDocument } from '../search-engine';
import { PostingPool } from './posting-pool';
import { grow } from './typed-arrays';
import { Vocabulary } from './vocabulary';

export const FIELDS = ['title', 'description', 'tags'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
/** Bits per field in a posting's packed frequencies (so at most 1023 occurrences of a term per field). */
export const FREQUENCY_BITS = 10;
const FREQUENCY_MAX = (1 << FREQUENCY_BITS) - 1;

/**
 * One owner's documents and inverted index. Documents live in dense slots (typed arrays for the numeric
 * fields, reused after removal); each stem term owns a posting list in one shared pool; statistics (document
 * count, field lengths, document frequencies) cover this owner only, so owners never influence each other.
 */
export class OwnerIndex {
  readonly vocabulary = new Vocabulary();
  readonly postings = new PostingPool();
  private readonly termIds = new Map<string, number>();
  private readonly slotsByVideo = new Map<number, number>();
  private readonly tagSlots = new Map<string, Set<number>>();
  private readonly freeSlots: number[] = [];
  private slotCount = 0;
  private durationArray = new Float64Array(256);
  private fieldLengthArray = new Uint16Array(256 * FIELD_COUNT);
  private liveArray = new Uint8Array(256);
  private readonly documents: Array<EngineDocument | undefined> = [];
  private readonly fieldLengthSums = new Float64Array(FIELD_COUNT);
  private liveCount = 0;

  constructor(private readonly analyzer: Analyzer) {}

  get documentCount(): number {
    return this.liveCount;
  }

  /** Slots are `[0, capacity)`; some may be empty. */
  get capacity(): number {
    return this.slotCount;
  }

  upsert(document: EngineDocument): void {
    this.remove(document.videoId);
    const slot = this.freeSlots.pop() ?? this.newSlot();
    this.documents[slot] = { ...document, tags: [...document.tags] };
    this.durationArray[slot] = document.duration;
    this.liveArray[slot] = 1;
    this.slotsByVideo.set(document.videoId, slot);
    this.liveCount++;
    for (const tag of normalizedTags(document.tags)) {
      let slots = this.tagSlots.get(tag);
      if (!slots) {
        slots = new Set();
        this.tagSlots.set(tag, slots);
      }
      slots.add(slot);
    }
    const frequencies = new Map<number, number>();
    const words = new Set<number>();
    this.fieldTexts(document).forEach((text, field) => {
      const tokens = this.analyzer.words(text);
      let length = 0;
      for (const word of tokens) {
        if (this.analyzer.isStopWord(word)) {
          continue;
        }
        length++;
        const term = this.termId(this.analyzer.stem(word));
        let wordId = this.vocabulary.idOf(word);
        if (!words.has(wordId)) {
          wordId = this.vocabulary.addOccurrence(word, term);
          words.add(wordId);
        }
        const packed = frequencies.get(term) ?? 0;
        const shift = field * FREQUENCY_BITS;
        if (((packed >>> shift) & FREQUENCY_MAX) < FREQUENCY_MAX) {
          frequencies.set(term, packed + (1 << shift));
        }
      }
      const stored = Math.min(length, 0xffff);
      this.fieldLengthArray[slot * FIELD_COUNT + field] = stored;
      this.fieldLengthSums[field] += stored;
    });
    for (const [term, packed] of frequencies) {
      this.postings.add(term, slot, packed);
    }
  }

  remove(videoId: number): boolean {
    const slot = this.slotsByVideo.get(videoId);
    if (slot === undefined) {
      return false;
    }
    const document = this.documents[slot] as EngineDocument;
    const terms = new Set<number>();
    const words = new Set<number>();
    for (const text of this.fieldTexts(document)) {
      for (const word of this.analyzer.words(text)) {
        if (!this.analyzer.isStopWord(word)) {
          const wordId = this.vocabulary.idOf(word);
          words.add(wordId);
          terms.add(this.vocabulary.termOf(wordId));
        }
      }
    }
    for (const term of terms) {
      this.postings.remove(term, slot);
    }
    for (const wordId of words) {
      this.vocabulary.removeOccurrence(wordId);
    }
    for (const tag of normalizedTags(document.tags)) {
      const slots = this.tagSlots.get(tag);
      slots?.delete(slot);
      if (slots?.size === 0) {
        this.tagSlots.delete(tag);
      }
    }
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.fieldLengthSums[field] -= this.fieldLengthArray[slot * FIELD_COUNT + field];
    }
    this.documents[slot] = undefined;
    this.liveArray[slot] = 0;
    this.slotsByVideo.delete(videoId);
    this.freeSlots.push(slot);
    this.liveCount--;
    return true;
  }

  /** Term id of a stem, or -1 when no document of this owner ever contained it. */
  findTerm(stem: string): number {
    return this.termIds.get(stem) ?? -1;
  }

  documentFrequency(term: number): number {
    return this.postings.size(term);
  }

  averageFieldLength(field: number): number {
    return this.liveCount === 0 ? 1 : Math.max(this.fieldLengthSums[field] / this.liveCount, 1);
  }

  fieldLength(slot: number, field: number): number {
    return this.fieldLengthArray[slot * FIELD_COUNT + field];
  }

  document(slot: number): EngineDocument {
    return this.documents[slot] as EngineDocument;
  }

  slotOf(videoId: number): number | undefined {
    return this.slotsByVideo.get(videoId);
  }

  isLive(slot: number): boolean {
    return this.liveArray[slot] === 1;
  }

  duration(slot: number): number {
    return this.durationArray[slot];
  }

  slotsWithTag(tag: string): ReadonlySet<number> | undefined {
    return this.tagSlots.get(tag);
  }

  fieldTexts(document: EngineDocument): [string, string, string] {
    return [document.title, document.description, document.tags.join(', ')];
  }

  byteSize(): number {
    return (
      this.postings.byteSize() +
      this.vocabulary.byteSize() +
      this.durationArray.byteLength +
      this.fieldLengthArray.byteLength +
      this.liveArray.byteLength
    );
  }

  private termId(stem: string): number {
    let term = this.termIds.get(stem);
    if (term === undefined) {
      term = this.postings.createList();
      this.termIds.set(stem, term);
    }
    return term;
  }

  private newSlot(): number {
    const slot = this.slotCount++;
    if (slot === this.liveArray.length) {
      const size = slot * 2;
      this.durationArray = grow(this.durationArray, size);
      this.fieldLengthArray = grow(this.fieldLengthArray, size * FIELD_COUNT);
      this.liveArray = grow(this.liveArray, size);
    }
    return slot;
  }
}

export function normalizedTags(tags: readonly string[]): Set<string> {
  return new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0));
}
