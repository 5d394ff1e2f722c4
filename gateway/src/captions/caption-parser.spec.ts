import { CaptionParseError, detectCaptionFormat, parseCaptions } from './caption-parser';

function parseError(content: string, format: 'vtt' | 'srt'): CaptionParseError {
  try {
    parseCaptions(content, format);
  } catch (error) {
    if (error instanceof CaptionParseError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a parse error');
}

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:04,250',
  'Hello there.',
  '',
  '2',
  '00:01:02,500 --> 00:01:05,000',
  'Second',
  'line',
  '',
];

describe('parseCaptions', () => {
  it('reads SRT with comma decimals, joining the lines of a cue', () => {
    expect(parseCaptions(SRT.join('\n'), 'srt')).toEqual([
      { startMs: 1000, endMs: 4250, text: 'Hello there.' },
      { startMs: 62_500, endMs: 65_000, text: 'Second line' },
    ]);
  });

  it('reads a UTF-8 BOM and CRLF line endings in both formats', () => {
    const vtt = '\ufeffWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nbonjour\r\n';
    expect(parseCaptions(vtt, 'vtt')).toEqual([{ startMs: 1000, endMs: 2000, text: 'bonjour' }]);
    expect(parseCaptions(`\ufeff${SRT.join('\r\n')}`, 'srt')).toHaveLength(2);
  });

  it('reads timestamps without hours', () => {
    const vtt = 'WEBVTT\n\n01:02.500 --> 01:04.000\nshort form\n';
    expect(parseCaptions(vtt, 'vtt')).toEqual([{ startMs: 62_500, endMs: 64_000, text: 'short form' }]);
    expect(parseCaptions('1\n01:02,500 --> 01:04,000\nshort form\n', 'srt')).toEqual([
      { startMs: 62_500, endMs: 64_000, text: 'short form' },
    ]);
  });

  it('keeps overlapping cues, in start order', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:05.000 --> 00:00:09.000',
      'later',
      '',
      '00:00:01.000 --> 00:00:06.000',
      'first',
      '',
      '00:00:02.000 --> 00:00:03.000',
      'inside',
    ].join('\n');
    expect(parseCaptions(vtt, 'vtt').map((cue) => cue.text)).toEqual(['first', 'inside', 'later']);
  });

  it('removes styling tags, voices, classes and override blocks, and decodes entities', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000 align:start position:10%',
      '<v Ada Lovelace><i>Fish</i> &amp; <b>chips</b></v> <c.yellow.bg>&lt;3</c> caf&eacute; <00:00:01.500>now',
    ].join('\n');
    expect(parseCaptions(vtt, 'vtt')).toEqual([{ startMs: 1000, endMs: 2000, text: 'Fish & chips <3 café now' }]);
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ff0000">Up</font> <u>here</u>, 1 < 2\n';
    expect(parseCaptions(srt, 'srt')).toEqual([{ startMs: 1000, endMs: 2000, text: 'Up here, 1 < 2' }]);
  });

  it('drops cues without text', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n\n00:03.000 --> 00:04.000\nkept\n';
    expect(parseCaptions(vtt, 'vtt')).toEqual([{ startMs: 3000, endMs: 4000, text: 'kept' }]);
  });

  it('ignores NOTE, STYLE and REGION blocks', () => {
    const vtt = [
      'WEBVTT - with header text',
      '',
      'REGION',
      'id:fred',
      'width:40%',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE a comment',
      'over two lines',
      '',
      'intro',
      '00:00:01.000 --> 00:00:02.000 region:fred',
      'spoken',
    ].join('\n');
    expect(parseCaptions(vtt, 'vtt')).toEqual([{ startMs: 1000, endMs: 2000, text: 'spoken' }]);
  });

  it('refuses a cue that ends before it starts, on its line', () => {
    const error = parseError(SRT.join('\n').replace('00:01:05,000', '00:01:01,000'), 'srt');
    expect(error.line).toBe(6);
    expect(error.message).toBe('Line 6: the cue ends before it starts');
  });

  it('points at a broken timing line, with or without a cue identifier', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:03.000 -> 00:00:04.000\nbroken\n';
    expect(parseError(vtt, 'vtt').line).toBe(6);
    const srt = SRT.join('\n').replace('00:01:02,500 -->', '00:01:02,500 ->');
    expect(parseError(srt, 'srt')).toMatchObject({
      line: 6,
      message: expect.stringContaining('expected a cue timing'),
    });
    expect(parseError(SRT.join('\n').replace('00:01:02,500', '00:1:02,500'), 'srt').line).toBe(6);
  });

  it('refuses a cue later than any video runs, on its timing line', () => {
    const error = parseError(SRT.join('\n').replace('00:01:05,000', '700:00:00,000'), 'srt');
    expect(error.line).toBe(6);
    expect(error.message).toBe('Line 6: a cue may not end later than 100 hours into the video');
  });

  it('orders cues given out of order by their start', () => {
    const vtt = 'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nsecond\n\n00:00:01.000 --> 00:00:02.000\nfirst\n';
    expect(parseCaptions(vtt, 'vtt').map((cue) => cue.text)).toEqual(['first', 'second']);
  });

  it('refuses garbage on line 1', () => {
    expect(parseError('just some words\nand more\n', 'srt').line).toBe(1);
    expect(parseError('just some words\n\nand more\n', 'srt').line).toBe(1);
    expect(parseError('just some words\n', 'vtt')).toMatchObject({
      line: 1,
      reason: 'a WebVTT file must start with "WEBVTT"',
    });
  });
});

describe('detectCaptionFormat', () => {
  it('takes a WEBVTT first line for WebVTT and anything else for SRT', () => {
    expect(detectCaptionFormat('\ufeffWEBVTT\r\n\r\n')).toBe('vtt');
    expect(detectCaptionFormat('WEBVTT - title\n')).toBe('vtt');
    expect(detectCaptionFormat('WEBVTTX\n')).toBe('srt');
    expect(detectCaptionFormat(SRT.join('\n'))).toBe('srt');
  });
});
