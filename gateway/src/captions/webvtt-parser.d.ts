/** Types for the parts of the W3C's `webvtt-parser` the caption parser uses; the package ships none. */
declare module 'webvtt-parser' {
  export type CueNode =
    | { type: 'text'; value: string }
    | { type: 'timestamp'; value: number }
    | { type: 'object'; name: string; children: CueNode[] };

  export interface ParsedCue {
    /** Seconds. */
    startTime: number;
    endTime: number;
    tree: { children: CueNode[] };
  }

  export interface ParseError {
    message: string;
    /** 1-based. */
    line: number;
    col?: number;
  }

  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: ParsedCue[]; errors: ParseError[] };
  }
}
