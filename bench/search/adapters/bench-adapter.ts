import { BenchDocument } from '../corpus';

/** One search engine under test: index the corpus once, then answer queries with the top-10 ids. */
export interface BenchAdapter {
  readonly name: string;
  /** Package and version, for the results table. */
  readonly version: string;
  build(documents: BenchDocument[]): void | Promise<void>;
  search(text: string): number[] | Promise<number[]>;
  /** Releases what the adapter started (processes, connections). */
  close?(): Promise<void>;
}

export const TOP_K = 10;
