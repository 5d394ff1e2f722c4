import { Analyzer, TextToken } from '../analysis/analyzer';
import { FIELD_COUNT, FieldName, FIELDS, OwnerIndex } from '../index/owner-index';

/** Longest snippet (characters of source text) before it is cut to a window around the matches. */
const MAX_SNIPPET = 160;
/** Context kept before the first match when cutting. */
const LEAD = 40;

export interface Snippet {
  matchedText: string;
  matchedFields: FieldName[];
}

/**
 * Marks the matched words of a hit. A word matches when its stem is one of the terms the query expanded to;
 * the snippet comes from the field with the most distinct matched terms (title first on ties), cut to a
 * window around the first match, and everything outside the marks is HTML-escaped.
 */
export class SnippetBuilder {
  constructor(private readonly analyzer: Analyzer) {}

  build(index: OwnerIndex, slot: number, matchedTerms: ReadonlySet<number>): Snippet {
    const texts = index.fieldTexts(slot);
    const matchedFields: FieldName[] = [];
    let best = { field: 0, distinct: 0, text: texts[0], matches: [] as TextToken[] };
    for (let field = 0; field < FIELD_COUNT; field++) {
      const matches = this.matches(index, texts[field], matchedTerms);
      if (matches.length === 0) {
        continue;
      }
      matchedFields.push(FIELDS[field]);
      const distinct = new Set(matches.map((token) => token.word)).size;
      if (distinct > best.distinct) {
        best = { field, distinct, text: texts[field], matches };
      }
    }
    return { matchedText: highlight(best.text, best.matches), matchedFields };
  }

  private matches(index: OwnerIndex, text: string, matchedTerms: ReadonlySet<number>): TextToken[] {
    return this.analyzer.tokenize(text).filter((token) => {
      const wordId = index.vocabulary.idOf(token.word);
      return wordId >= 0 && !this.analyzer.isStopWord(token.word) && matchedTerms.has(index.vocabulary.termOf(wordId));
    });
  }
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
  for (const token of matches) {
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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}
