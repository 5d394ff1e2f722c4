import { ApiError } from '../../../core/http/api-error';
import { captionFormat, errorLine, MAX_CAPTION_BYTES, normaliseLanguage, refusal } from './caption-file';

describe('caption files', () => {
  it('tells WebVTT from SubRip by extension, then by type', () => {
    expect(captionFormat({ name: 'Talk.VTT', type: '' })).toBe('vtt');
    expect(captionFormat({ name: 'talk.srt', type: 'application/octet-stream' })).toBe('srt');
    expect(captionFormat({ name: 'blob', type: 'text/vtt' })).toBe('vtt');
    expect(captionFormat({ name: 'blob', type: 'application/x-subrip' })).toBe('srt');
    expect(captionFormat({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
  });

  it('refuses other files, empty ones and those over 2 MB before sending', () => {
    expect(refusal({ name: 'a.vtt', type: '', size: 10 })).toBeNull();
    expect(refusal({ name: 'a.docx', type: '', size: 10 })).toMatch(/\.vtt.*\.srt/);
    expect(refusal({ name: 'a.srt', type: '', size: MAX_CAPTION_BYTES + 1 })).toMatch(/2 MB/);
    expect(refusal({ name: 'a.srt', type: '', size: 0 })).toMatch(/empty/);
  });

  it('reads the line of a 400 from the body, then from the message', () => {
    expect(errorLine(new ApiError('Line 12: bad timing', 400, null, { error: 'Line 12: bad timing', line: 12 }))).toBe(
      12,
    );
    expect(errorLine(new ApiError('Line 7: no arrow', 400, null, { error: 'Line 7: no arrow' }))).toBe(7);
    expect(errorLine(new ApiError('Not a caption file', 400, null, { error: 'Not a caption file' }))).toBeNull();
    expect(errorLine(new ApiError('Line 3: too big', 413))).toBeNull();
    expect(errorLine(new Error('Line 3'))).toBeNull();
  });

  it('treats a blank language as none', () => {
    expect(normaliseLanguage('  ')).toBeNull();
    expect(normaliseLanguage(' en ')).toBe('en');
  });
});
