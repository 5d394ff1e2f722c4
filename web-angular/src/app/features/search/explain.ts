import { ScoreExplanation, ScoreParts, WordExplanation } from '../../core/api/search.types';

/** The API rounds each part, so their sum may miss the score by a few of the last digits. */
export const SUM_TOLERANCE = 0.0005;

export const PART_LABELS: Record<keyof ScoreParts, string> = {
  words: 'Query words',
  proximity: 'Words close together',
  exact_match_bonus: 'Exact words bonus',
  captions: 'Captions',
  rank_cap: 'Rank cap',
};

/** A comparison's part name: a score part, or `word:<query word>` for one word's share. */
export function partLabel(part: string): string {
  if (part.startsWith('word:')) {
    return `Word “${part.slice('word:'.length)}”`;
  }
  return PART_LABELS[part as keyof ScoreParts] ?? part;
}

export interface PartRow {
  key: keyof ScoreParts;
  label: string;
  value: number;
  /** Share of the largest part's size, 0..100, for the bar. */
  width: number;
}

export interface PartsView {
  rows: PartRow[];
  sum: number;
  score: number;
  addsUp: boolean;
}

export function partsView(explanation: ScoreExplanation, score: number): PartsView {
  const keys = Object.keys(PART_LABELS) as (keyof ScoreParts)[];
  const values = keys.map((key) => explanation.parts[key] ?? 0);
  const largest = Math.max(...values.map(Math.abs), Number.EPSILON);
  const rows = keys.map((key, index) => ({
    key,
    label: PART_LABELS[key],
    value: values[index],
    width: Math.round((Math.abs(values[index]) / largest) * 100),
  }));
  const sum = values.reduce((total, value) => total + value, 0);
  return { rows, sum, score, addsUp: Math.abs(sum - score) <= SUM_TOLERANCE };
}

/** How one query word matched, as a person reads it: "typo (1 edit) of pasta". */
export function matchDescription(word: WordExplanation): string {
  switch (word.kind) {
    case 'none':
      return 'not found';
    case 'exact':
      return 'exact';
    case 'typo':
      return `typo (${word.typo_distance} edit${word.typo_distance === 1 ? '' : 's'}) of “${word.matched}”`;
    case 'stemmed':
    case 'synonym':
    case 'prefix':
    case 'phonetic':
      return `${word.kind}: “${word.matched}”`;
  }
}

/** The fields the word matched in, with their weights: "title ×3, tags ×2". */
export function fieldsDescription(word: WordExplanation): string {
  return word.fields.map((field) => `${field.field} ×${field.weight}`).join(', ') || '–';
}

/** Milliseconds as a player shows them: 4:12, 1:02:03. */
export function clockTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** At most two picks: a third replaces the older one, so the newest pair is compared. */
export function togglePick(picked: readonly number[], videoId: number): number[] {
  if (picked.includes(videoId)) {
    return picked.filter((id) => id !== videoId);
  }
  return [...picked, videoId].slice(-2);
}
