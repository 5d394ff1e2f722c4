import { Analyzer } from '../analysis/analyzer';
import { editDistance } from '../index/deletion-index';
import type { EngineMoment, EngineWordCaptionCue } from '../search-engine';
import type { HighlightOptions } from '../snippet/snippet-builder';

/** A cue's word closer than this to no query word is not attributed to any. */
const MAX_ATTRIBUTION_EDITS = 2;

/**
 * Where each query word was said: the first of the hit's moments (best first) whose highlighted words include one
 * matching it, by stem, else by the fewest edits (a typo the caption search corrected). The caption search marks the
 * words it matched but not which query word each came from, so this attributes them.
 */
export function wordCaptionCues(
  analyzer: Analyzer,
  words: readonly string[],
  moments: readonly EngineMoment[],
  options: Pick<HighlightOptions, 'preTag' | 'postTag'>,
): Map<string, EngineWordCaptionCue> {
  const cues = new Map<string, EngineWordCaptionCue>();
  const stems = words.map((word) => analyzer.stem(word));
  for (const moment of moments) {
    const { plain, marked } = unmark(moment.text, options);
    for (const token of marked.flatMap((segment) => analyzer.words(segment))) {
      const word = attribute(analyzer, token, words, stems);
      if (word !== null && !cues.has(word)) {
        cues.set(word, { startMs: moment.startMs, endMs: moment.endMs, text: plain, matched: token });
      }
    }
    if (cues.size === words.length) {
      break;
    }
  }
  return cues;
}

function attribute(
  analyzer: Analyzer,
  token: string,
  words: readonly string[],
  stems: readonly string[],
): string | null {
  const stem = analyzer.stem(token);
  const same = stems.indexOf(stem);
  if (same >= 0) {
    return words[same];
  }
  let best: string | null = null;
  let fewest = MAX_ATTRIBUTION_EDITS + 1;
  for (const word of words) {
    const edits = editDistance(token, word, MAX_ATTRIBUTION_EDITS);
    if (edits < fewest) {
      fewest = edits;
      best = word;
    }
  }
  return best;
}

/** The cue's text without the highlight tags, and the highlighted segments. */
function unmark(text: string, { preTag, postTag }: Pick<HighlightOptions, 'preTag' | 'postTag'>) {
  const marked: string[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const open = preTag === '' ? -1 : text.indexOf(preTag, at);
    const close = open < 0 || postTag === '' ? -1 : text.indexOf(postTag, open + preTag.length);
    if (open < 0 || close < 0) {
      plain += text.slice(at);
      break;
    }
    const segment = text.slice(open + preTag.length, close);
    plain += text.slice(at, open) + segment;
    marked.push(segment);
    at = close + postTag.length;
  }
  return { plain, marked };
}
