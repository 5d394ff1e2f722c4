/** Injection token of the in-memory `SearchEngine` (see `@search/engine/search-engine`). */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
