/** A term (stem posting list) that satisfies a query word, and how much a match through it is worth (0..1]. */
export interface TermExpansion {
  term: number;
  weight: number;
  /** How the term was reached from the query word; an explanation reports it. */
  source: ExpansionSource;
}

export type ExpansionSource = 'stem' | 'synonym' | 'prefix' | 'typo-1' | 'typo-2' | 'phonetic';

/**
 * What one query word matches: the exact stem at weight 1 and, depending on the algorithm, typo, prefix or
 * sound-alike expansions at lower weights. A document's score for the clause is its best expansion.
 */
export interface QueryClause {
  word: string;
  expansions: TermExpansion[];
}

/** Restricts scoring to the documents the filters admit; applied while walking postings. */
export type SlotFilter = (slot: number) => boolean;
