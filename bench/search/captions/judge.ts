/** How far the top moment's start may be from the judged cue's start and still be right. */
export const MOMENT_TOLERANCE_MS = 10_000;
export const TOP_K = 10;

export interface JudgedHit {
  videoId: number;
  /** Best first. */
  moments: ReadonlyArray<{ startMs: number }>;
}

export interface Judgement {
  /** 1 / rank of the first right video in the top 10, 0 when none is there. */
  reciprocalRank: number;
  /** Null when no right video is in the top 10; otherwise whether its top moment starts within 10 s of the cue. */
  momentRight: boolean | null;
}

/** Judges one answer: the first hit among `relevant` in the top 10, and that hit's top moment. */
export function judgeMoment(hits: readonly JudgedHit[], relevant: readonly number[], startMs: number): Judgement {
  const rank = hits.slice(0, TOP_K).findIndex((hit) => relevant.includes(hit.videoId));
  if (rank < 0) {
    return { reciprocalRank: 0, momentRight: null };
  }
  const top = hits[rank].moments[0];
  return {
    reciprocalRank: 1 / (rank + 1),
    momentRight: top !== undefined && Math.abs(top.startMs - startMs) <= MOMENT_TOLERANCE_MS,
  };
}

export interface JudgementSummary {
  queries: number;
  /** Mean reciprocal rank of the right video, top 10. */
  mrr: number;
  /** Share of queries with a right video in the top 10. */
  recall: number;
  /** Of the queries whose right video is in the top 10, the share whose top moment is right. */
  momentRight: number;
  /** Of all queries, the share with the right video in the top 10 and its top moment right. */
  momentRightOfAll: number;
}

export function summarize(judgements: readonly Judgement[]): JudgementSummary {
  const found = judgements.filter((judgement) => judgement.momentRight !== null);
  const right = found.filter((judgement) => judgement.momentRight === true).length;
  const count = Math.max(judgements.length, 1);
  return {
    queries: judgements.length,
    mrr: judgements.reduce((sum, judgement) => sum + judgement.reciprocalRank, 0) / count,
    recall: found.length / count,
    momentRight: found.length === 0 ? 0 : right / found.length,
    momentRightOfAll: right / count,
  };
}
