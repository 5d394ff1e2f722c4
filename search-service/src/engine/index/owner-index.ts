import { Analyzer } from '../analysis/analyzer';
import { EngineDocument } from '../search-engine';
import { PostingPool, PostingPoolSnapshot } from './posting-pool';
import { TagSets } from './tag-sets';
import { grow } from './typed-arrays';
import { Vocabulary, VocabularySnapshot } from './vocabulary';

export const FIELDS = ['title', 'description', 'tags'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
/** Bits per field in a posting's packed frequencies (so at most 1023 occurrences of a term per field). */
export const FREQUENCY_BITS = 10;
const FREQUENCY_MAX = (1 << FREQUENCY_BITS) - 1;
const INITIAL_SLOTS = 256;
const TAG_SEPARATOR = '\u001f';
/** Between the tags of a slot in its tags field's text: not word characters, so no word spans two tags. */
export const TAGS_FIELD_SEPARATOR = ', ';
/** Bounds the interning table when every document has its own tag combination. */
const MAX_INTERNED_TAG_TEXTS = 4096;

/**
 * One owner's documents and inverted index. Documents live in dense slots (typed arrays for the numeric
 * fields, plain arrays for the texts snippets are cut from; slots are reused after removal); each stem term
 * and each tag owns a posting list in a shared pool; statistics (document count, field lengths, document
 * frequencies) cover this owner only, so owners never influence each other.
 */
export class OwnerIndex {
  readonly vocabulary = new Vocabulary();
  readonly postings = new PostingPool();
  private readonly tagPostings = new PostingPool();
  private readonly termIds = new Map<string, number>();
  private readonly tagLists = new Map<string, number>();
  private readonly slotsByVideo = new Map<number, number>();
  private freeSlots: number[] = [];
  private slotCount = 0;
  private videoIds: Float64Array = new Float64Array(INITIAL_SLOTS);
  private durations: Float64Array = new Float64Array(INITIAL_SLOTS);
  /** Epoch milliseconds, NaN for a document without a (valid) creation time. */
  private createdAts: Float64Array = new Float64Array(INITIAL_SLOTS);
  private fieldLengths: Uint16Array = new Uint16Array(INITIAL_SLOTS * FIELD_COUNT);
  private titles: string[] = [];
  private descriptions: string[] = [];
  /** Each slot's tags joined by TAG_SEPARATOR, interned: documents mostly share a few tag combinations. */
  private tagTexts: string[] = [];
  private readonly internedTagTexts = new Map<string, string>();
  /** Per tag list: the tag as first given (trimmed), how facets name it; taken anew when the list was empty. */
  private tagDisplays: string[] = [];
  private readonly tagSets = new TagSets();
  /** Titles folded for sorting, filled on the first title sort that reaches a slot. */
  private sortTitles: Array<string | undefined> = [];
  private readonly fieldLengthSums = new Float64Array(FIELD_COUNT);
  private liveCount = 0;
  private stamp = 0;
  private wordStamps = new Int32Array(1024);
  private termStamps = new Int32Array(1024);
  private termFrequencies = new Uint32Array(1024);
  private readonly touchedTerms: number[] = [];
  /** Scratch marks of the tag filters: all-of, any-of and the exclusions each keep their own. */
  private readonly allTagMarks = new SlotMarks();
  private readonly anyTagMarks = new SlotMarks();
  private readonly excludedTagMarks = new SlotMarks();

  constructor(
    private readonly analyzer: Analyzer,
    snapshot?: OwnerIndexSnapshot,
  ) {
    if (snapshot) {
      this.restore(snapshot);
      return;
    }
    for (const stopWord of analyzer.stopWordList()) {
      this.vocabulary.addWord(stopWord, -1);
    }
  }

  get documentCount(): number {
    return this.liveCount;
  }

  /** Slots are `[0, capacity)`; removed ones are empty until reused. */
  get capacity(): number {
    return this.slotCount;
  }

  upsert(document: EngineDocument): void {
    this.remove(document.videoId);
    const slot = this.freeSlots.pop() ?? this.newSlot();
    this.videoIds[slot] = document.videoId;
    this.durations[slot] = document.duration;
    this.createdAts[slot] = document.createdAt === undefined ? NaN : Date.parse(document.createdAt);
    this.titles[slot] = document.title;
    this.descriptions[slot] = document.description;
    this.tagTexts[slot] = this.intern(document.tags.join(TAG_SEPARATOR));
    this.slotsByVideo.set(document.videoId, slot);
    this.liveCount++;
    const lists: number[] = [];
    for (const [tag, display] of normalizedTagsWithDisplay(document.tags)) {
      let list = this.tagLists.get(tag);
      if (list === undefined) {
        list = this.tagPostings.createList();
        this.tagLists.set(tag, list);
      }
      if (this.tagPostings.size(list) === 0) {
        this.tagDisplays[list] = display;
      }
      this.tagPostings.add(list, slot, 0);
      lists.push(list);
    }
    this.tagSets.assign(slot, lists);
    this.indexText(slot);
  }

  remove(videoId: number): boolean {
    const slot = this.slotsByVideo.get(videoId);
    if (slot === undefined) {
      return false;
    }
    const stamp = ++this.stamp;
    for (const text of this.fieldTexts(slot)) {
      this.analyzer.scan(text, (source, start, end, hash) => {
        const wordId = this.vocabulary.find(source, start, end, hash);
        const term = wordId < 0 ? -1 : this.vocabulary.termOf(wordId);
        if (term < 0 || this.wordStamps[wordId] === stamp) {
          return;
        }
        this.wordStamps[wordId] = stamp;
        this.vocabulary.removeOccurrence(wordId);
        if (this.termStamps[term] !== stamp) {
          this.termStamps[term] = stamp;
          this.postings.remove(term, slot);
        }
      });
    }
    for (const tag of normalizedTags(this.tagTexts[slot].split(TAG_SEPARATOR))) {
      this.tagPostings.remove(this.tagLists.get(tag) as number, slot);
    }
    this.tagSets.release(slot);
    this.sortTitles[slot] = undefined;
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.fieldLengthSums[field] -= this.fieldLengths[slot * FIELD_COUNT + field];
    }
    this.titles[slot] = '';
    this.descriptions[slot] = '';
    this.tagTexts[slot] = '';
    this.slotsByVideo.delete(videoId);
    this.freeSlots.push(slot);
    this.liveCount--;
    return true;
  }

  /** Settles lazy structures and reclaims posting space after a batch of changes. */
  prepare(): void {
    this.vocabulary.prepare();
    this.postings.trim();
    this.tagPostings.trim();
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
    return this.fieldLengths[slot * FIELD_COUNT + field];
  }

  slotOf(videoId: number): number | undefined {
    return this.slotsByVideo.get(videoId);
  }

  videoId(slot: number): number {
    return this.videoIds[slot];
  }

  title(slot: number): string {
    return this.titles[slot];
  }

  duration(slot: number): number {
    return this.durations[slot];
  }

  /** Epoch milliseconds of the document's creation, NaN when it has none. */
  createdAt(slot: number): number {
    return this.createdAts[slot];
  }

  /** The title case- and accent-folded, compared by code unit for a locale-independent title order. */
  sortTitle(slot: number): string {
    let folded = this.sortTitles[slot];
    if (folded === undefined) {
      folded = this.analyzer.fold(this.titles[slot]);
      this.sortTitles[slot] = folded;
    }
    return folded;
  }

  /**
   * Calls `visit(tag, count)` for every tag carried by at least one of `slots[0, count)`: the tag as first
   * given (tags differing only in case count as one) and how many of the slots carry it.
   */
  countTags(slots: Int32Array, count: number, visit: (tag: string, count: number) => void): void {
    this.tagSets.countTags(slots, count, (list, matched) => visit(this.tagDisplays[list], matched));
  }

  /** The tags of a slot as they were given. */
  tags(slot: number): string[] {
    const text = this.tagTexts[slot];
    return text === '' ? [] : text.split(TAG_SEPARATOR);
  }

  /** The searchable texts of a slot, in `FIELDS` order (tags joined). */
  fieldTexts(slot: number): [string, string, string] {
    return [this.titles[slot], this.descriptions[slot], this.fieldText(slot, 2)];
  }

  fieldText(slot: number, field: number): string {
    switch (field) {
      case 0:
        return this.titles[slot];
      case 1:
        return this.descriptions[slot];
      default:
        return this.tagTexts[slot].replaceAll(TAG_SEPARATOR, TAGS_FIELD_SEPARATOR);
    }
  }

  /**
   * Marks the slots carrying every one of `tags` (walking the tag posting lists, rarest first) and returns
   * the test for a slot, or null when some tag is on no document.
   */
  slotsWithAllTags(tags: ReadonlySet<string>): ((slot: number) => boolean) | null {
    const lists: number[] = [];
    for (const tag of tags) {
      const list = this.tagLists.get(tag);
      if (list === undefined || this.tagPostings.size(list) === 0) {
        return null;
      }
      lists.push(list);
    }
    lists.sort((a, b) => this.tagPostings.size(a) - this.tagPostings.size(b));
    const marks = this.allTagMarks.array(this.videoIds.length);
    const base = this.allTagMarks.claim(lists.length + 1);
    const data = this.tagPostings.buffer();
    lists.forEach((list, position) => {
      const [start, end] = this.tagPostings.range(list);
      for (let at = start; at < end; at += 2) {
        if (marks[data[at]] === base + position || position === 0) {
          marks[data[at]] = base + position + 1;
        }
      }
    });
    const accepted = base + lists.length;
    return (slot) => marks[slot] === accepted;
  }

  /**
   * Marks the slots carrying at least one of `tags` and returns the test for a slot, or null when none of
   * them is on any document. `exclusion` keeps separate marks, so an any-of filter and an exclusion can be
   * used in the same query. Valid until the next call with the same `exclusion`.
   */
  slotsWithAnyTag(tags: ReadonlySet<string>, exclusion = false): ((slot: number) => boolean) | null {
    const owner = exclusion ? this.excludedTagMarks : this.anyTagMarks;
    const marks = owner.array(this.videoIds.length);
    const generation = owner.claim(1) + 1;
    const data = this.tagPostings.buffer();
    let found = false;
    for (const tag of tags) {
      const list = this.tagLists.get(tag);
      if (list === undefined || this.tagPostings.size(list) === 0) {
        continue;
      }
      found = true;
      const [start, end] = this.tagPostings.range(list);
      for (let at = start; at < end; at += 2) {
        marks[data[at]] = generation;
      }
    }
    return found ? (slot) => marks[slot] === generation : null;
  }

  /** Everything needed to serve this owner again without re-analysing its documents. */
  toSnapshot(): OwnerIndexSnapshot {
    const slots = this.slotCount;
    return {
      slotCount: slots,
      liveCount: this.liveCount,
      freeSlots: [...this.freeSlots],
      videoIds: this.videoIds.slice(0, slots),
      durations: this.durations.slice(0, slots),
      createdAts: this.createdAts.slice(0, slots),
      fieldLengths: this.fieldLengths.slice(0, slots * FIELD_COUNT),
      fieldLengthSums: this.fieldLengthSums.slice(),
      titles: this.titles.slice(0, slots),
      descriptions: this.descriptions.slice(0, slots),
      tagTexts: this.tagTexts.slice(0, slots),
      stems: orderedKeys(this.termIds),
      tagNames: orderedKeys(this.tagLists),
      tagDisplays: this.tagDisplays.slice(0, this.tagLists.size),
      postings: this.postings.toSnapshot(),
      tagPostings: this.tagPostings.toSnapshot(),
      vocabulary: this.vocabulary.toSnapshot(),
    };
  }

  private restore(snapshot: OwnerIndexSnapshot): void {
    const capacity = Math.max(INITIAL_SLOTS, snapshot.slotCount);
    this.slotCount = snapshot.slotCount;
    this.liveCount = snapshot.liveCount;
    this.freeSlots = snapshot.freeSlots;
    this.videoIds = grow(snapshot.videoIds, capacity);
    this.durations = grow(snapshot.durations, capacity);
    this.createdAts = grow(snapshot.createdAts, capacity);
    this.fieldLengths = grow(snapshot.fieldLengths, capacity * FIELD_COUNT);
    this.fieldLengthSums.set(snapshot.fieldLengthSums);
    this.titles = snapshot.titles;
    this.descriptions = snapshot.descriptions;
    this.tagTexts = snapshot.tagTexts;
    snapshot.stems.forEach((stem, term) => this.termIds.set(stem, term));
    snapshot.tagNames.forEach((tag, list) => this.tagLists.set(tag, list));
    this.tagDisplays = snapshot.tagDisplays;
    this.postings.restore(snapshot.postings);
    this.tagPostings.restore(snapshot.tagPostings);
    this.vocabulary.restore(snapshot.vocabulary);
    const free = new Set(snapshot.freeSlots);
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (!free.has(slot)) {
        this.slotsByVideo.set(this.videoIds[slot], slot);
        const tags = normalizedTags(this.tagTexts[slot].split(TAG_SEPARATOR));
        this.tagSets.assign(
          slot,
          [...tags].map((tag) => this.tagLists.get(tag) as number),
        );
      }
    }
    this.wordStamps = new Int32Array(Math.max(1024, snapshot.vocabulary.words.length));
    this.termStamps = new Int32Array(Math.max(1024, snapshot.stems.length));
    this.termFrequencies = new Uint32Array(this.termStamps.length);
  }

  /** Counts per-field frequencies with stamped scratch arrays (no per-document maps), then writes postings. */
  private indexText(slot: number): void {
    const stamp = ++this.stamp;
    const touched = this.touchedTerms;
    touched.length = 0;
    this.fieldTexts(slot).forEach((text, field) => {
      const shift = field * FREQUENCY_BITS;
      let length = 0;
      this.analyzer.scan(text, (source, start, end, hash) => {
        let wordId = this.vocabulary.find(source, start, end, hash);
        if (wordId < 0) {
          const word = source.slice(start, end);
          wordId = this.vocabulary.addWord(word, this.termId(this.analyzer.stem(word)), hash);
        }
        const term = this.vocabulary.termOf(wordId);
        if (term < 0) {
          return;
        }
        length++;
        if (wordId >= this.wordStamps.length) {
          this.wordStamps = grow(this.wordStamps, Math.max(wordId + 1, this.wordStamps.length * 2));
        }
        if (this.wordStamps[wordId] !== stamp) {
          this.wordStamps[wordId] = stamp;
          this.vocabulary.addOccurrence(wordId);
        }
        if (term >= this.termStamps.length) {
          const size = Math.max(term + 1, this.termStamps.length * 2);
          this.termStamps = grow(this.termStamps, size);
          this.termFrequencies = grow(this.termFrequencies, size);
        }
        if (this.termStamps[term] !== stamp) {
          this.termStamps[term] = stamp;
          this.termFrequencies[term] = 0;
          touched.push(term);
        }
        if (((this.termFrequencies[term] >>> shift) & FREQUENCY_MAX) < FREQUENCY_MAX) {
          this.termFrequencies[term] += 1 << shift;
        }
      });
      const stored = Math.min(length, 0xffff);
      this.fieldLengths[slot * FIELD_COUNT + field] = stored;
      this.fieldLengthSums[field] += stored;
    });
    for (const term of touched) {
      this.postings.add(term, slot, this.termFrequencies[term]);
    }
  }

  private intern(tagText: string): string {
    const interned = this.internedTagTexts.get(tagText);
    if (interned !== undefined) {
      return interned;
    }
    if (this.internedTagTexts.size < MAX_INTERNED_TAG_TEXTS) {
      this.internedTagTexts.set(tagText, tagText);
    }
    return tagText;
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
    if (slot === this.videoIds.length) {
      const size = slot * 2;
      this.videoIds = grow(this.videoIds, size);
      this.durations = grow(this.durations, size);
      this.createdAts = grow(this.createdAts, size);
      this.fieldLengths = grow(this.fieldLengths, size * FIELD_COUNT);
    }
    return slot;
  }
}

/** Per-slot marks stamped with a generation, so a filter needs no clearing between queries. */
class SlotMarks {
  private marks = new Int32Array(INITIAL_SLOTS);
  private generation = 0;

  /** The marks, at least `size` long (fresh and zeroed when they had to grow). */
  array(size: number): Int32Array {
    if (this.marks.length < size) {
      this.marks = new Int32Array(size);
      this.generation = 0;
    }
    return this.marks;
  }

  /** Reserves `count` generations after the returned base (marks below or equal to it mean nothing yet). */
  claim(count: number): number {
    if (this.generation + count >= 0x7fffffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    const base = this.generation;
    this.generation += count;
    return base;
  }
}

export function normalizedTags(tags: readonly string[]): Set<string> {
  return new Set(normalizedTagsWithDisplay(tags).keys());
}

/** Each distinct normalised tag with its first given (trimmed) form. */
function normalizedTagsWithDisplay(tags: readonly string[]): Map<string, string> {
  const distinct = new Map<string, string>();
  for (const tag of tags) {
    const display = tag.trim();
    const normalized = display.toLowerCase();
    if (normalized.length > 0 && !distinct.has(normalized)) {
      distinct.set(normalized, display);
    }
  }
  return distinct;
}

/** Keys of an id map in id order (ids are dense, assigned from 0). */
function orderedKeys(ids: Map<string, number>): string[] {
  const keys = new Array<string>(ids.size);
  for (const [key, id] of ids) {
    keys[id] = key;
  }
  return keys;
}

export interface OwnerIndexSnapshot {
  slotCount: number;
  liveCount: number;
  freeSlots: number[];
  videoIds: Float64Array;
  durations: Float64Array;
  /** Epoch milliseconds, NaN where a document has none. */
  createdAts: Float64Array;
  fieldLengths: Uint16Array;
  fieldLengthSums: Float64Array;
  titles: string[];
  descriptions: string[];
  tagTexts: string[];
  stems: string[];
  tagNames: string[];
  /** Per tag list, in `tagNames` order: the form facets name it by. */
  tagDisplays: string[];
  postings: PostingPoolSnapshot;
  tagPostings: PostingPoolSnapshot;
  vocabulary: VocabularySnapshot;
}
