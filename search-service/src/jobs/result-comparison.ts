import type { PartDifference, ResultComparison } from '@proto/gen/ts/videosearch/search/v1/search';
import type { EngineExplanation } from '@search/engine/search-engine';
import { toSearchResult } from './job.mapper';
import type { StoredResult } from './search-job.entity';

export type ExplainedResult = StoredResult & { explanation: EngineExplanation };

/** The named parts of a score, which add up to it: one per query word, then the bonuses, captions and cap. */
function namedParts(explanation: EngineExplanation): Map<string, number> {
  const parts = new Map<string, number>();
  for (const word of explanation.words) {
    const name = `word:${word.word}`;
    parts.set(name, (parts.get(name) ?? 0) + word.part);
  }
  parts.set('proximity', explanation.parts.proximity);
  parts.set('exact_match_bonus', explanation.parts.exactMatchBonus);
  parts.set('captions', explanation.parts.captions);
  parts.set('rank_cap', explanation.parts.rankCap);
  return parts;
}

function describePart(part: string): string {
  return part.startsWith('word:') ? `the word "${part.slice('word:'.length)}"` : part.replace(/_/g, ' ');
}

function round(value: number): string {
  return value.toFixed(3);
}

function summarise(a: ExplainedResult, b: ExplainedResult, decisive: PartDifference | undefined): string {
  const difference = a.relevanceScore - b.relevanceScore;
  if (difference === 0 || decisive === undefined || decisive.difference === 0) {
    return `Videos ${a.videoId} and ${b.videoId} score the same (${round(a.relevanceScore)}).`;
  }
  const [higher, lower] = difference > 0 ? [a, b] : [b, a];
  const [higherPart, lowerPart] = difference > 0 ? [decisive.a, decisive.b] : [decisive.b, decisive.a];
  return (
    `Video ${higher.videoId} ranks above video ${lower.videoId} (${round(higher.relevanceScore)} against ` +
    `${round(lower.relevanceScore)}); ${describePart(decisive.part)} decides it most: ${round(higherPart)} ` +
    `against ${round(lowerPart)}.`
  );
}

/**
 * Every part either result has, set side by side, the largest gap first; because each score is the sum of its
 * parts, the gaps add up to the difference between the two scores.
 */
export function compareResults(a: ExplainedResult, b: ExplainedResult): ResultComparison {
  const partsA = namedParts(a.explanation);
  const partsB = namedParts(b.explanation);
  const names = [...new Set([...partsA.keys(), ...partsB.keys()])];
  const differences = names
    .map((part): PartDifference => {
      const valueA = partsA.get(part) ?? 0;
      const valueB = partsB.get(part) ?? 0;
      return { part, a: valueA, b: valueB, difference: valueA - valueB };
    })
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference));
  return {
    a: toSearchResult(a),
    b: toSearchResult(b),
    scoreDifference: a.relevanceScore - b.relevanceScore,
    differences,
    summary: summarise(a, b, differences[0]),
  };
}
