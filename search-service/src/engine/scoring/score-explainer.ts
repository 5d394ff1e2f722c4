import { Analyzer } from '../analysis/analyzer';
import { CAPTION_WEIGHT } from '../captions/caption-ranking';
import { FIELD_COUNT, FIELDS, OwnerIndex } from '../index/owner-index';
import {
  EngineExplanation,
  EngineFieldMatch,
  EngineMatchKind,
  EngineWordCaptionCue,
  EngineWordExplanation,
} from '../search-engine';
import { ProximityReranker } from './proximity-reranker';
import { COVERAGE_EXPONENT, FIELD_B, FREQUENCY_MASK, K1, referenceIdf } from './query-executor';
import { ExpansionSource, QueryClause, TermExpansion } from './query-plan';

/** What the ranking decided for a hit beyond its fields: whether it was reranked, its captions, its final score. */
export interface HitOutcome {
  reranked: boolean;
  captionScore: number;
  captionCue: string;
  /** Per query word, where the captions said it. */
  wordCues: ReadonlyMap<string, EngineWordCaptionCue>;
  score: number;
}

/** A term's occurrences in one document: per field, and the document's words that map to it. */
interface TermOccurrences {
  frequencies: number[];
  words: string[];
}

/**
 * Recomputes one hit's score the way `QueryExecutor`, `ProximityReranker` and the caption merge computed it,
 * keeping every part. It reads the document's own texts rather than the postings, so its cost depends on the
 * document's length, not the corpus', and it runs only for the returned page of a query that asks for it.
 */
export class ScoreExplainer {
  constructor(
    private readonly analyzer: Analyzer,
    private readonly reranker: ProximityReranker,
  ) {}

  explain(
    index: OwnerIndex,
    clauses: QueryClause[],
    fieldWeights: readonly number[],
    slot: number,
    outcome: HitOutcome,
  ): EngineExplanation {
    const occurrences = this.occurrences(index, clauses, slot);
    const active = clauses.filter((clause) => clause.expansions.length > 0);
    const documents = index.documentCount;
    let normalization = 0;
    const scored = clauses.map((clause) => {
      const idf = clause.expansions.length > 0 ? referenceIdf(index, clause, documents) : 0;
      normalization += idf;
      return this.bestExpansion(index, clause, idf, fieldWeights, slot, occurrences);
    });
    const covered = scored.filter((word) => word.kind !== 'none').length;
    const coverage = active.length > 0 ? covered / active.length : 0;
    const coverageFactor = coverage ** COVERAGE_EXPONENT;
    const scale = normalization > 0 ? coverageFactor / normalization : 0;
    // The executor sums the words' scores in single precision; so does the first-pass score here.
    let rawSum = 0;
    for (const word of scored) {
      rawSum = Math.fround(rawSum + Math.fround(word.rawScore));
    }
    const fieldsScore = normalization > 0 ? (rawSum / normalization) * coverageFactor : 0;
    const proximity = outcome.reranked && covered > 0 ? this.reranker.explain(index, clauses, slot) : null;
    const kept = proximity?.kept ?? 1;
    const words = scored.map((word) => ({
      ...word,
      part: Math.fround(word.rawScore) * scale * kept,
      captionCue: outcome.wordCues.get(word.word) ?? null,
    }));
    const wordsPart = words.reduce((total, word) => total + word.part, 0);
    const proximityPart = proximity ? fieldsScore * proximity.pair : 0;
    const exactMatchBonus = proximity ? fieldsScore * proximity.asTyped : 0;
    const fieldsFinal = wordsPart + proximityPart + exactMatchBonus;
    const captions = CAPTION_WEIGHT * outcome.captionScore * (1 - fieldsFinal);
    const rankCap = outcome.reranked ? 0 : outcome.score - fieldsFinal - captions;
    return {
      words,
      normalization,
      coverage,
      coverageFactor,
      fieldsScore,
      ...(proximity
        ? { proximity: { pairScore: proximity.pairScore, asTypedShare: proximity.asTypedShare, kept } }
        : {}),
      captionScore: outcome.captionScore,
      captionCue: outcome.captionCue,
      parts: { words: wordsPart, proximity: proximityPart, exactMatchBonus, captions, rankCap },
      score: outcome.score,
    };
  }

  /** The clause's best expansion in this document, as the executor keeps it; kind `none` when none occurs. */
  private bestExpansion(
    index: OwnerIndex,
    clause: QueryClause,
    idf: number,
    fieldWeights: readonly number[],
    slot: number,
    occurrences: Map<number, TermOccurrences>,
  ): EngineWordExplanation {
    let best: EngineWordExplanation = {
      word: clause.word,
      kind: 'none',
      matched: '',
      typoDistance: 0,
      expansionWeight: 0,
      idf,
      fields: [],
      termFrequency: 0,
      rawScore: 0,
      part: 0,
      captionCue: null,
    };
    for (const expansion of clause.expansions) {
      const found = occurrences.get(expansion.term);
      if (!found) {
        continue;
      }
      const fields: EngineFieldMatch[] = [];
      let tf = 0;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const frequency = found.frequencies[field];
        if (frequency > 0) {
          const b = FIELD_B[field];
          const lengthNorm = 1 - b + (b * index.fieldLength(slot, field)) / index.averageFieldLength(field);
          tf += (fieldWeights[field] * frequency) / lengthNorm;
          if (fieldWeights[field] > 0) {
            fields.push({ field: FIELDS[field], frequency, weight: fieldWeights[field], lengthNorm });
          }
        }
      }
      if (tf === 0) {
        continue;
      }
      const rawScore = (expansion.weight * idf * tf) / (K1 + tf);
      if (rawScore > best.rawScore) {
        const matched = found.words.includes(clause.word) ? clause.word : found.words[0];
        best = {
          ...best,
          kind: matchKind(expansion, matched === clause.word),
          matched,
          typoDistance: typoDistance(expansion.source),
          expansionWeight: expansion.weight,
          fields,
          termFrequency: tf,
          rawScore,
        };
      }
    }
    return best;
  }

  /** Per term of the query's expansions: its frequency in each of the document's fields, as indexing counts it. */
  private occurrences(index: OwnerIndex, clauses: QueryClause[], slot: number): Map<number, TermOccurrences> {
    const wanted = new Set(clauses.flatMap((clause) => clause.expansions.map(({ term }) => term)));
    const occurrences = new Map<number, TermOccurrences>();
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.analyzer.scan(index.fieldText(slot, field), (source, start, end, hash) => {
        const wordId = index.vocabulary.find(source, start, end, hash);
        const term = wordId < 0 ? -1 : index.vocabulary.termOf(wordId);
        if (!wanted.has(term)) {
          return;
        }
        let found = occurrences.get(term);
        if (!found) {
          found = { frequencies: new Array<number>(FIELD_COUNT).fill(0), words: [] };
          occurrences.set(term, found);
        }
        // Postings saturate at FREQUENCY_MASK; the explanation must count the same way.
        found.frequencies[field] = Math.min(found.frequencies[field] + 1, FREQUENCY_MASK);
        const word = index.vocabulary.word(wordId);
        if (!found.words.includes(word)) {
          found.words.push(word);
        }
      });
    }
    return occurrences;
  }
}

function matchKind(expansion: TermExpansion, asTyped: boolean): EngineMatchKind {
  switch (expansion.source) {
    case 'stem':
      return asTyped ? 'exact' : 'stemmed';
    case 'typo-1':
    case 'typo-2':
      return 'typo';
    case 'synonym':
    case 'prefix':
    case 'phonetic':
      return expansion.source;
  }
}

function typoDistance(source: ExpansionSource): number {
  return source === 'typo-1' ? 1 : source === 'typo-2' ? 2 : 0;
}
