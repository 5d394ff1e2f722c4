import { Analyzer, TextToken } from '../analysis/analyzer';
import { FIELD_COUNT, FieldName, FIELDS, OwnerIndex, TAGS_FIELD_SEPARATOR } from '../index/owner-index';
import { EngineHighlights } from '../search-engine';

/** Longest snippet (characters of source text) before it is cut to a window around the matches. */
const MAX_SNIPPET = 160;
/** Context kept before the first match when cutting. */
const LEAD = 40;

export const DEFAULT_PRE_TAG = '<mark>';
export const DEFAULT_POST_TAG = '</mark>';
export const DEFAULT_CROP_LENGTH = 30;
const ELLIPSIS = '…';
/**
 * Fields are tokenized with the bigrams of Japanese and Chinese words, so a query word found only as a
 * bigram (公園 inside 大阪城公園) is marked too; overlapping matches are marked as one.
 */
const OVERLAPPING = { bigrams: true };

export interface Snippet {
  matchedText: string;
  matchedFields: FieldName[];
  highlights: EngineHighlights;
}

/** How the per-field highlights mark matched words and how many words of the description they keep. */
export interface HighlightOptions {
  preTag: string;
  postTag: string;
  cropLength: number;
}

/**
 * Marks the matched words of a hit. A word matches when its stem is one of the terms the query expanded to;
 * the snippet comes from the field with the most distinct matched terms (title first on ties), cut to a
 * window around the first match, and everything outside the marks is HTML-escaped.
 *
 * The per-field highlights follow the same convention (text HTML-escaped, the configured tags inserted as
 * given): the whole title, the description cropped to `cropLength` words around the window with the most
 * distinct matched words (`…` where cut), and each tag on its own.
 */
export class SnippetBuilder {
  constructor(private readonly analyzer: Analyzer) {}

  /** What marks a query's words in the texts of its hits: made once per query, shared by its hits. */
  matcher(index: OwnerIndex, matchedTerms: ReadonlySet<number>): QueryWordMatcher {
    return new QueryWordMatcher(this.analyzer, index, matchedTerms);
  }

  build(index: OwnerIndex, slot: number, matcher: QueryWordMatcher, options: HighlightOptions): Snippet {
    const texts = index.fieldTexts(slot);
    const tags = index.tags(slot);
    const tagTokens = tags.map((tag) => this.analyzer.tokenize(tag, OVERLAPPING));
    const matchedFields: FieldName[] = [];
    let best = { field: 0, distinct: 0, text: texts[0], matches: [] as TextToken[] };
    let descriptionTokens: TextToken[] = [];
    let descriptionMatched: boolean[] = [];
    let titleMatches: TextToken[] = [];
    for (let field = 0; field < FIELD_COUNT; field++) {
      const tokens = field === 2 ? joinedTagTokens(tags, tagTokens) : this.analyzer.tokenize(texts[field], OVERLAPPING);
      const matched = tokens.map((token) => matcher.matches(token));
      const matches = tokens.filter((_, at) => matched[at]);
      if (field === 0) {
        titleMatches = matches;
      } else if (field === 1) {
        descriptionTokens = tokens;
        descriptionMatched = matched;
      }
      if (matches.length === 0) {
        continue;
      }
      matchedFields.push(FIELDS[field]);
      const distinct = new Set(matches.map((token) => token.word)).size;
      if (distinct > best.distinct) {
        best = { field, distinct, text: texts[field], matches };
      }
    }
    const highlights: EngineHighlights = {
      title: mark(texts[0], titleMatches, 0, texts[0].length, options),
      description: crop(texts[1], descriptionTokens, descriptionMatched, options),
      tags: tags.map((tag, at) =>
        mark(
          tag,
          tagTokens[at].filter((token) => matcher.matches(token)),
          0,
          tag.length,
          options,
        ),
      ),
    };
    return { matchedText: highlight(best.text, best.matches), matchedFields, highlights };
  }
}

/**
 * Whether a word of a text is one the query matched, remembered per word: a query's hits share most of their
 * words, and the lookup (vocabulary, stop words, stem) is most of what marking a hit costs.
 */
export class QueryWordMatcher {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly index: OwnerIndex,
    private readonly matchedTerms: ReadonlySet<number>,
  ) {}

  matches(token: TextToken): boolean {
    let matched = this.known.get(token.word);
    if (matched === undefined) {
      matched = isMatchedToken(this.analyzer, this.index, token, this.matchedTerms);
      this.known.set(token.word, matched);
    }
    return matched;
  }
}

/**
 * The tokens of the tags field (the tags joined by `TAGS_FIELD_SEPARATOR`) from each tag's own tokens, offsets
 * moved to where the tag sits in the joined text.
 */
function joinedTagTokens(tags: string[], tagTokens: TextToken[][]): TextToken[] {
  const tokens: TextToken[] = [];
  let offset = 0;
  tags.forEach((tag, at) => {
    for (const token of tagTokens[at]) {
      tokens.push(offset === 0 ? token : { word: token.word, start: token.start + offset, end: token.end + offset });
    }
    offset += tag.length + TAGS_FIELD_SEPARATOR.length;
  });
  return tokens;
}

/** Whether a word of a text is one the query matched: its stem is one of the terms the query expanded to. */
export function isMatchedToken(
  analyzer: Analyzer,
  index: OwnerIndex,
  token: TextToken,
  matchedTerms: ReadonlySet<number>,
): boolean {
  const wordId = index.vocabulary.idOf(token.word);
  return wordId >= 0 && !analyzer.isStopWord(token.word) && matchedTerms.has(index.vocabulary.termOf(wordId));
}

/**
 * The description cut to `cropLength` words: the window holding the most distinct matched words (the
 * earliest on ties), shifted so its matches sit in the middle; the whole text when it is that short.
 */
function crop(text: string, tokens: TextToken[], matched: boolean[], options: HighlightOptions): string {
  const length = Math.max(1, Math.floor(options.cropLength));
  const matches = tokens.filter((_, at) => matched[at]);
  if (tokens.length <= length) {
    return mark(text, matches, 0, text.length, options);
  }
  let bestStart = 0;
  let bestDistinct = 0;
  const counts = new Map<string, number>();
  for (let end = 0; end < tokens.length; end++) {
    if (matched[end]) {
      counts.set(tokens[end].word, (counts.get(tokens[end].word) ?? 0) + 1);
    }
    const start = end - length + 1;
    if (start < 0) {
      continue;
    }
    if (start > 0 && matched[start - 1]) {
      const word = tokens[start - 1].word;
      const count = (counts.get(word) as number) - 1;
      if (count === 0) {
        counts.delete(word);
      } else {
        counts.set(word, count);
      }
    }
    if (counts.size > bestDistinct) {
      bestDistinct = counts.size;
      bestStart = start;
    }
  }
  let start = bestStart;
  if (bestDistinct > 0) {
    let first = start;
    while (!matched[first]) {
      first++;
    }
    let last = start + length - 1;
    while (!matched[last]) {
      last--;
    }
    const slack = length - (last - first + 1);
    start = Math.max(0, Math.min(first - Math.floor(slack / 2), tokens.length - length));
  }
  const end = start + length;
  const from = start === 0 ? 0 : tokens[start].start;
  const to = end === tokens.length ? text.length : Math.max(...tokens.slice(start, end).map((token) => token.end));
  const inside = matches.filter((token) => token.start >= from && token.end <= to);
  return (from > 0 ? ELLIPSIS : '') + mark(text, inside, from, to, options) + (to < text.length ? ELLIPSIS : '');
}

/** `text[from, to)` HTML-escaped, each of `matches` (in order, inside the range) between the tags. */
export function mark(text: string, matches: TextToken[], from: number, to: number, options: HighlightOptions): string {
  let html = '';
  let at = from;
  for (const token of disjoint(matches)) {
    html +=
      escapeHtml(text.slice(at, token.start)) +
      options.preTag +
      escapeHtml(text.slice(token.start, token.end)) +
      options.postTag;
    at = token.end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** Matches in order of start with overlapping ones (a word and its bigrams) merged into one span. */
function disjoint(matches: TextToken[]): TextToken[] {
  const spans: TextToken[] = [];
  for (const token of matches) {
    const last = spans.at(-1);
    if (last === undefined || token.start >= last.end) {
      spans.push(token);
    } else if (token.end > last.end) {
      spans[spans.length - 1] = { ...last, end: token.end };
    }
  }
  return spans;
}

export function highlight(text: string, matches: TextToken[]): string {
  let start = 0;
  let end = text.length;
  if (text.length > MAX_SNIPPET) {
    const first = matches.length > 0 ? matches[0].start : 0;
    start = first <= LEAD ? 0 : Math.min(wordBoundaryAfter(text, first - LEAD), first);
    end = Math.min(text.length, start + MAX_SNIPPET);
    if (end < text.length) {
      end = wordBoundaryBefore(text, end, start);
    }
  }
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const token of disjoint(matches)) {
    if (token.start < start || token.end > end) {
      continue;
    }
    html +=
      escapeHtml(text.slice(at, token.start)) + '<mark>' + escapeHtml(text.slice(token.start, token.end)) + '</mark>';
    at = token.end;
  }
  html += escapeHtml(text.slice(at, end));
  return end < text.length ? html + '…' : html;
}

function wordBoundaryAfter(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  return space < 0 ? from : space + 1;
}

function wordBoundaryBefore(text: string, to: number, floor: number): number {
  const space = text.lastIndexOf(' ', to);
  return space > floor ? space : to;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const ESCAPED = /[&<>"']/;
const EVERY_ESCAPED = new RegExp(ESCAPED.source, 'g');

export function escapeHtml(text: string): string {
  // Most text holds none of them, and the test is far cheaper than a replace with a callback.
  return ESCAPED.test(text) ? text.replace(EVERY_ESCAPED, (character) => ESCAPES[character]) : text;
}
