import { CueNode, WebVTTParser } from 'webvtt-parser';
import htmlEntities from 'webvtt-parser/html-entities.json';

export type CaptionFormat = 'vtt' | 'srt';

export const CAPTION_FORMATS: readonly CaptionFormat[] = ['vtt', 'srt'];

/** One cue as stored and indexed: milliseconds from the start of the video and plain text. */
export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

/** A caption file that cannot be read; `line` is 1-based in the text as it was sent. */
export class CaptionParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
  }
}

const NEWLINE = /\r\n|\r|\n/;
/** Cue times travel as 32-bit milliseconds (596 hours); no video is anywhere near this long. */
const MAX_CUE_MS = 100 * 3_600_000;
const BOM = '\ufeff';
/** SRT is read as WebVTT behind this header, so every line of the original sits two lines further down. */
const SRT_AS_VTT_HEADER = ['WEBVTT', ''];
const TIMING_EXAMPLE: Record<CaptionFormat, string> = {
  vtt: '00:01.000 --> 00:04.000',
  srt: '00:00:01,000 --> 00:00:04,000',
};
/** ASS/SSA override blocks such as {\an8} that SRT files carry from subtitle editors. */
const OVERRIDE_BLOCKS = /\{\\[^}]*\}/g;
/** A "<" that cannot open a tag; the WebVTT tokenizer would otherwise swallow the text after it. */
const LONE_LESS_THAN = /<(?![/a-zA-Z0-9])/g;
const TIMING_SHAPE = /\d:\d|-->|->/;

/**
 * The parser reports everything a validator would. These are the problems that lose or misplace a cue;
 * the rest (unknown cue settings, cues out of order, a missing blank line) leave the cues readable.
 */
const TIMESTAMP_ERRORS = new Set([
  'No timestamp found.',
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
  'No valid timestamp separator found.',
]);

const parser = new WebVTTParser(htmlEntities);

/** `WEBVTT` on the first line makes a file WebVTT; anything else is read as SRT. */
export function detectCaptionFormat(content: string): CaptionFormat {
  const first = stripBom(content).split(NEWLINE, 1)[0];
  return /^WEBVTT([ \t]|$)/.test(first) ? 'vtt' : 'srt';
}

/**
 * Cues in start order (overlaps kept), as plain text: tags, voices, classes and override blocks
 * removed, entities decoded, whitespace collapsed; cues left without text are dropped.
 * Throws CaptionParseError for the first cue that cannot be read.
 */
export function parseCaptions(content: string, format: CaptionFormat): Cue[] {
  const lines = stripBom(content).split(NEWLINE);
  const input = format === 'vtt' ? vttLines(lines) : [...SRT_AS_VTT_HEADER, ...srtLines(lines)];
  const offset = format === 'vtt' ? 0 : SRT_AS_VTT_HEADER.length;
  const { cues, errors } = parser.parse(input.join('\n'), 'metadata');
  for (const error of errors) {
    const fatal = describeFatal(error.message, error.line, input, format);
    if (fatal) {
      throw new CaptionParseError(Math.max(1, fatal.line - offset), fatal.reason);
    }
  }
  const tooLate = cues.findIndex((cue) => cue.endTime * 1000 > MAX_CUE_MS);
  if (tooLate >= 0) {
    const timings = input.flatMap((line, index) => (line.includes('-->') ? [index + 1] : []));
    throw new CaptionParseError(
      Math.max(1, (timings[tooLate] ?? 1) - offset),
      `a cue may not end later than ${MAX_CUE_MS / 3_600_000} hours into the video`,
    );
  }
  return cues
    .map((cue) => ({
      startMs: Math.round(cue.startTime * 1000),
      endMs: Math.round(cue.endTime * 1000),
      text: plainText(cue.tree.children),
    }))
    .filter((cue) => cue.text !== '')
    .sort((a, b) => a.startMs - b.startMs);
}

function stripBom(content: string): string {
  return content.startsWith(BOM) ? content.slice(BOM.length) : content;
}

/** Line for line, so the parser's line numbers stay the file's. */
function vttLines(lines: string[]): string[] {
  return lines.map((line, index) => {
    // REGION definitions are header blocks like STYLE, which the parser would take for a cue identifier.
    if (index > 0 && lines[index - 1] === '' && /^REGION([ \t]|$)/.test(line)) {
      return `NOTE ${line}`;
    }
    return line.replace(LONE_LESS_THAN, '&lt;');
  });
}

function srtLines(lines: string[]): string[] {
  return lines.map((line) =>
    line.includes('-->') ? line.replace(/(\d),(\d)/g, '$1.$2') : line.replace(LONE_LESS_THAN, '&lt;'),
  );
}

/** The error in our words and on the line of the broken cue, or undefined when the cue is still usable. */
function describeFatal(
  message: string,
  line: number,
  input: string[],
  format: CaptionFormat,
): { line: number; reason: string } | undefined {
  const expectTiming = `expected a cue timing such as "${TIMING_EXAMPLE[format]}"`;
  if (message.startsWith('No valid signature')) {
    return { line, reason: 'a WebVTT file must start with "WEBVTT"' };
  }
  if (message === 'Cue identifier cannot be standalone.') {
    // Reported on the blank line after the identifier; the identifier is where the timing should have been.
    return { line: line - 1, reason: expectTiming };
  }
  if (message === 'Cue identifier needs to be followed by timestamp.') {
    // Reported on the line after the identifier: the broken timing after a cue number, but the text
    // after a broken timing line (read as an identifier) or after a line of garbage.
    return { line: TIMING_SHAPE.test(input[line - 1] ?? '') ? line : line - 1, reason: expectTiming };
  }
  if (message.startsWith('Cannot have timestamp in a')) {
    return { line, reason: 'a cue timing inside a NOTE or STYLE block (a blank line is missing before the cue)' };
  }
  if (message === 'End timestamp is not greater than start timestamp.') {
    return { line, reason: 'the cue ends before it starts' };
  }
  if (TIMESTAMP_ERRORS.has(message)) {
    return { line, reason: `invalid cue timing (${message.replace(/\.$/, '').toLowerCase()}); ${expectTiming}` };
  }
  return undefined;
}

function plainText(nodes: CueNode[]): string {
  return textOf(nodes).replace(OVERRIDE_BLOCKS, '').replace(/\s+/g, ' ').trim();
}

function textOf(nodes: CueNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'timestamp':
          return '';
        case 'object':
          // Ruby annotations repeat the base text's reading; the base text is what is said.
          return node.name === 'rt' ? '' : textOf(node.children);
      }
    })
    .join('');
}
