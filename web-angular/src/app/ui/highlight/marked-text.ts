/** A run of highlight text, plain (never HTML), marked or not. */
export interface MarkSegment {
  text: string;
  marked: boolean;
}

export const DEFAULT_PRE_TAG = '<mark>';
export const DEFAULT_POST_TAG = '</mark>';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Splits an API highlight (text HTML-escaped, matched words between the configured tags) into plain-text
 * segments. Only the exact configured tags mark anything: every other `<`, tag or entity stays text, and the
 * template renders the segments by interpolation, so no markup of the API ever reaches the DOM.
 */
export function markSegments(
  highlight: string | null | undefined,
  preTag = DEFAULT_PRE_TAG,
  postTag = DEFAULT_POST_TAG,
): MarkSegment[] {
  if (!highlight) {
    return [];
  }
  const segments: MarkSegment[] = [];
  const push = (raw: string, marked: boolean) => {
    if (!raw) {
      return;
    }
    const text = decodeEntities(raw);
    const last = segments.at(-1);
    if (last && last.marked === marked) {
      last.text += text;
    } else {
      segments.push({ text, marked });
    }
  };
  let at = 0;
  while (at < highlight.length) {
    const open = preTag ? highlight.indexOf(preTag, at) : -1;
    if (open === -1) {
      break;
    }
    const close = postTag ? highlight.indexOf(postTag, open + preTag.length) : -1;
    if (close === -1) {
      break;
    }
    push(highlight.slice(at, open), false);
    push(highlight.slice(open + preTag.length, close), true);
    at = close + postTag.length;
  }
  push(highlight.slice(at), false);
  return segments;
}

/** Undoes the API's HTML escaping (named and numeric entities); anything else is left as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}
