import { Analyzer } from '../analysis/analyzer';
import { OwnerIndex, OwnerIndexSnapshot } from '../index/owner-index';
import { grow } from '../index/typed-arrays';
import { EngineCue } from '../search-engine';

/**
 * Neighbouring cues are indexed together: a spoken phrase often runs across a cue boundary, and a third of the
 * documents costs a third of the per-document memory. The moment still points at one cue of the window.
 */
const CUES_PER_WINDOW = 3;
/** A window closes early rather than span a long silence, so its cues stay one moment of the video. */
const MAX_WINDOW_MS = 20_000;
/** Between cues in a window's text: not a word character, so no word is glued across cues. */
const CUE_SEPARATOR = '\n';

/** One indexed window: its video and, per cue, the times and where its text starts in the window's text. */
export interface CaptionWindow {
  videoId: number;
  /** `[start0, end0, start1, end1, …]` in milliseconds. */
  times: number[];
  /** Offset of each cue's text in the window's text. */
  offsets: number[];
}

export interface CaptionIndexSnapshot {
  windows: OwnerIndexSnapshot;
  /** Per window slot, in slot order; null for a free slot. */
  entries: Array<CaptionWindow | null>;
  videoSlots: Int32Array;
  keysByVideo: Array<[number, number[]]>;
  nextKey: number;
  cueCount: number;
}

/**
 * An owner's caption cues, grouped into windows that are documents of their own `OwnerIndex`, so every
 * algorithm, the scoring and the proximity reranker work on captions unchanged. Windows are keyed by a counter
 * (the index's "video id"); each knows the video it belongs to.
 */
export class CaptionIndex {
  readonly windows: OwnerIndex;
  private entries: Array<CaptionWindow | null> = [];
  /**
   * Per window slot: its video's slot in the owner's video index, fixed until the video's next upsert replaces
   * its windows. Kept apart from `entries` because every matched window reads it: one contiguous array instead
   * of a cache miss on an object per window.
   */
  private videoSlots: Int32Array = new Int32Array(64);
  private readonly keysByVideo = new Map<number, number[]>();
  private nextKey = 1;
  private cues = 0;

  constructor(analyzer: Analyzer, snapshot?: CaptionIndexSnapshot) {
    this.windows = new OwnerIndex(analyzer, snapshot?.windows);
    if (snapshot) {
      this.entries = snapshot.entries;
      this.videoSlots = grow(snapshot.videoSlots, Math.max(64, snapshot.videoSlots.length));
      snapshot.keysByVideo.forEach(([videoId, keys]) => this.keysByVideo.set(videoId, keys));
      this.nextKey = snapshot.nextKey;
      this.cues = snapshot.cueCount;
    }
  }

  get cueCount(): number {
    return this.cues;
  }

  get videoCount(): number {
    return this.keysByVideo.size;
  }

  /** Replaces the video's cues (none removes them); call `prepare` after a batch. */
  replace(videoId: number, videoSlot: number, cues: readonly EngineCue[]): void {
    this.remove(videoId);
    const keys: number[] = [];
    for (const window of groupIntoWindows(cues)) {
      this.cues += window.length;
      const key = this.nextKey++;
      const offsets: number[] = [];
      const times: number[] = [];
      let text = '';
      for (const cue of window) {
        text += text === '' ? '' : CUE_SEPARATOR;
        offsets.push(text.length);
        text += cue.text;
        times.push(cue.startMs, cue.endMs);
      }
      this.windows.upsert({ ownerId: 0, videoId: key, title: '', description: text, tags: [], duration: 0 });
      const slot = this.windows.slotOf(key) as number;
      this.entries[slot] = { videoId, times, offsets };
      if (slot >= this.videoSlots.length) {
        this.videoSlots = grow(this.videoSlots, Math.max(slot + 1, this.videoSlots.length * 2));
      }
      this.videoSlots[slot] = videoSlot;
      keys.push(key);
    }
    if (keys.length > 0) {
      this.keysByVideo.set(videoId, keys);
    }
  }

  remove(videoId: number): void {
    const keys = this.keysByVideo.get(videoId);
    if (!keys) {
      return;
    }
    for (const key of keys) {
      const slot = this.windows.slotOf(key) as number;
      this.cues -= (this.entries[slot] as CaptionWindow).offsets.length;
      this.entries[slot] = null;
      this.windows.remove(key);
    }
    this.keysByVideo.delete(videoId);
  }

  prepare(): void {
    this.windows.prepare();
  }

  /** The window at a slot of `windows`. */
  window(slot: number): CaptionWindow {
    return this.entries[slot] as CaptionWindow;
  }

  videoSlotOf(slot: number): number {
    return this.videoSlots[slot];
  }

  text(slot: number): string {
    return this.windows.fieldText(slot, 1);
  }

  toSnapshot(): CaptionIndexSnapshot {
    return {
      windows: this.windows.toSnapshot(),
      entries: this.entries.slice(0, this.windows.capacity).map((entry) => entry ?? null),
      videoSlots: this.videoSlots.slice(0, this.windows.capacity),
      keysByVideo: [...this.keysByVideo],
      nextKey: this.nextKey,
      cueCount: this.cues,
    };
  }
}

/** Consecutive cues, up to `CUES_PER_WINDOW` a window and no window longer than `MAX_WINDOW_MS`. */
function groupIntoWindows(cues: readonly EngineCue[]): EngineCue[][] {
  const windows: EngineCue[][] = [];
  let current: EngineCue[] = [];
  for (const cue of cues) {
    if (cue.text.trim() === '') {
      continue;
    }
    if (current.length === CUES_PER_WINDOW || (current.length > 0 && cue.endMs - current[0].startMs > MAX_WINDOW_MS)) {
      windows.push(current);
      current = [];
    }
    current.push(cue);
  }
  if (current.length > 0) {
    windows.push(current);
  }
  return windows;
}
