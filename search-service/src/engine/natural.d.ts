/**
 * Types for the deep imports of `natural` the engine uses. The package index cannot be imported (it pulls
 * ESM-only dependencies that break jest on Node 20, STACK.md §4.1) and its per-file modules ship no types.
 */

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/phonetics/double_metaphone' {
  class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
  }
  export = DoubleMetaphone;
}

declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
