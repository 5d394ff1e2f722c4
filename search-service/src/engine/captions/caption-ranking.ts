import { MatchSet, ScoredSlot } from '../scoring/query-executor';

/**
 * How much a caption match counts against a match in the video's own fields (1 would rank a word said once in
 * an hour of speech like the same word in the title).
 */
export const CAPTION_WEIGHT = 0.8;

/**
 * A video's relevance from its fields' score and its best caption window's: either alone keeps its score
 * (the caption one weighted), both together rank above either alone, and the result stays in 0..1.
 */
export function combineScores(fields: number, captions: number): number {
  return 1 - (1 - fields) * (1 - CAPTION_WEIGHT * captions);
}

/**
 * Folds caption matches into a query's video matches: every video matched by its fields or its captions, each
 * with the combined score, and the new reranked head. `head` is the best of `matches` by relevance, `depth`
 * long or every match; a video outside it scored at most its last score, so the new head is exact.
 */
export function mergeCaptionMatches(
  matches: MatchSet,
  head: readonly ScoredSlot[],
  captionBest: ReadonlyMap<number, number>,
  depth: number,
): { all: MatchSet; head: ScoredSlot[] } {
  const size = matches.count + captionBest.size;
  const slots = new Int32Array(size);
  const scores = new Float32Array(size);
  const candidates = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < matches.count; i++) {
    const slot = matches.slots[i];
    const caption = captionBest.get(slot);
    slots[count] = slot;
    scores[count] = caption === undefined ? matches.scores[i] : combineScores(matches.scores[i], caption);
    if (caption !== undefined) {
      candidates.set(slot, scores[count]);
    }
    count++;
  }
  // Until the head joins them, the candidates are exactly the videos matched by both fields and captions.
  for (const [slot, caption] of captionBest) {
    if (!candidates.has(slot)) {
      slots[count] = slot;
      scores[count] = combineScores(0, caption);
      candidates.set(slot, scores[count]);
      count++;
    }
  }
  for (const { slot, score } of head) {
    candidates.set(slot, combineScores(score, captionBest.get(slot) ?? 0));
  }
  const merged = [...candidates]
    .map(([slot, score]): ScoredSlot => ({ slot, score, coveredClauses: 0 }))
    .sort((a, b) => b.score - a.score || a.slot - b.slot)
    .slice(0, depth);
  return { all: { count, slots, scores }, head: merged };
}
