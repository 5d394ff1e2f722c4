import { ApiError } from '../../../core/http/api-error';

export type CaptionFormat = 'vtt' | 'srt';

/** The gateway refuses bodies over 2 MB (413); checked before the upload starts. */
export const MAX_CAPTION_BYTES = 2 * 1024 * 1024;

export const CAPTION_CONTENT_TYPES: Record<CaptionFormat, string> = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
};

/** The format of a chosen file, by its extension and then its type; null when it is neither. */
export function captionFormat(file: Pick<File, 'name' | 'type'>): CaptionFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.vtt') || file.type === 'text/vtt') {
    return 'vtt';
  }
  if (name.endsWith('.srt') || file.type === 'application/x-subrip') {
    return 'srt';
  }
  return null;
}

/** Why a file is refused before it is sent, or null when it may go. */
export function refusal(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  if (captionFormat(file) === null) {
    return 'Choose a WebVTT (.vtt) or SubRip (.srt) file.';
  }
  if (file.size > MAX_CAPTION_BYTES) {
    return `${file.name} is larger than 2 MB; split it or remove styling.`;
  }
  if (file.size === 0) {
    return `${file.name} is empty.`;
  }
  return null;
}

/** The 1-based line of the file a 400 points at (`{ error: "Line 12: …", line: 12 }`), when it names one. */
export function errorLine(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 400) {
    return null;
  }
  const body = error.body;
  if (body && typeof body === 'object' && 'line' in body) {
    const line = body.line;
    if (typeof line === 'number' && Number.isInteger(line) && line > 0) {
      return line;
    }
  }
  const match = /^Line (\d+)\b/.exec(error.message);
  return match ? Number(match[1]) : null;
}

/** Language tags are short (`en`, `pt-BR`); blank means none. */
export function normaliseLanguage(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
