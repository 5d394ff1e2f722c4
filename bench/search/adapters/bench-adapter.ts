import { BenchDocument } from '../corpus';

/** One search engine under test: index the corpus once, then answer queries with the top-10 ids. */
export interface BenchAdapter {
  readonly name: string;
  /** Package and version, for the results table. */
  readonly version: string;
  build(documents: BenchDocument[]): void | Promise<void>;
  search(text: string): number[] | Promise<number[]>;
  /** The same query with a search option added (only engines that have them); see `SEARCH_VARIANTS`. */
  searchVariant?(text: string, variant: SearchVariant): number[];
  /** Releases what the adapter started (processes, connections). */
  close?(): Promise<void>;
}

export const TOP_K = 10;

/**
 * The issue 13 options measured against a plain query: `facets` asks for the tag and duration facets
 * (counted over every match), `sort` orders every match by duration ascending; issue 15's `explain` explains
 * every result's score. `plain` is also the search that does not ask to explain.
 */
export const SEARCH_VARIANTS = ['plain', 'facets', 'sort', 'explain'] as const;
/** The variants the issue 13 cost limit applies to; explain is measured, not bound by it. */
export const COST_BOUND_VARIANTS: readonly SearchVariant[] = ['facets', 'sort'];
export type SearchVariant = (typeof SEARCH_VARIANTS)[number];
