/** Results each pinned query is scored on: the first page or two a user reads. */
export const PIN_DEPTH = 20;
/** Scores within float rounding of each other are the same score. */
const EPSILON = 1e-9;

export type PinMode = 'ordered' | 'set';
export type PinVerdict = 'worse' | 'better' | 'same';

export interface PinExpectation {
  expectedVideoIds: number[];
  mode: PinMode;
}

export interface PinScore {
  reciprocalRank: number;
  recall: number;
  /** 1-based rank of each expected video, 0 when outside the scored results. */
  positions: number[];
  inOrder: boolean;
}

/** How well the ranked video ids (best first, at most `PIN_DEPTH`) meet a pin. */
export function scorePin(pin: PinExpectation, rankedVideoIds: readonly number[]): PinScore {
  const rankOf = new Map(rankedVideoIds.slice(0, PIN_DEPTH).map((videoId, index) => [videoId, index + 1]));
  const positions = pin.expectedVideoIds.map((videoId) => rankOf.get(videoId) ?? 0);
  const found = positions.filter((position) => position > 0);
  const first = pin.mode === 'ordered' ? positions[0] : found.length > 0 ? Math.min(...found) : 0;
  return {
    reciprocalRank: first > 0 ? 1 / first : 0,
    recall: found.length / pin.expectedVideoIds.length,
    positions,
    inOrder: pin.mode === 'set' || found.every((position, index) => index === 0 || found[index - 1] < position),
  };
}

/** Worse when any of reciprocal rank, recall or the pinned order got worse; better when one improved and none did. */
export function verdictOf(before: PinScore, after: PinScore): PinVerdict {
  const rank = after.reciprocalRank - before.reciprocalRank;
  const recall = after.recall - before.recall;
  const order = Number(after.inOrder) - Number(before.inOrder);
  if (rank < -EPSILON || recall < -EPSILON || order < 0) {
    return 'worse';
  }
  return rank > EPSILON || recall > EPSILON || order > 0 ? 'better' : 'same';
}

/** Mean reciprocal rank and mean recall over the pins; 0 for none. */
export function meanScores(scores: readonly PinScore[]): { mrr: number; recall: number } {
  if (scores.length === 0) {
    return { mrr: 0, recall: 0 };
  }
  const total = (pick: (score: PinScore) => number) => scores.reduce((sum, score) => sum + pick(score), 0);
  return {
    mrr: total((score) => score.reciprocalRank) / scores.length,
    recall: total((score) => score.recall) / scores.length,
  };
}
