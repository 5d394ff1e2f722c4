import { escapeCsvCell, toCsv } from './csv';

describe('CSV', () => {
  describe('escapeCsvCell', () => {
    it.each([
      ['plain', 'plain'],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['line\nbreak', '"line\nbreak"'],
      ['cr\rlf', '"cr\rlf"'],
      ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
      ['+1', "'+1"],
      ['-2', "'-2"],
      ['@cmd', "'@cmd"],
      ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
      ['', ''],
    ])('escapes %j as %j', (input, expected) => {
      expect(escapeCsvCell(input)).toBe(expected);
    });

    it('writes numbers, booleans and missing values without quoting or guarding', () => {
      expect(escapeCsvCell(-3.5)).toBe('-3.5');
      expect(escapeCsvCell(true)).toBe('true');
      expect(escapeCsvCell(null)).toBe('');
      expect(escapeCsvCell(undefined)).toBe('');
    });
  });

  it('joins a header and rows with CRLF and a trailing line end', () => {
    expect(
      toCsv(
        ['date', 'query'],
        [
          ['2026-11-26', 'cats, dogs'],
          ['2026-11-27', null],
        ],
      ),
    ).toBe('date,query\r\n2026-11-26,"cats, dogs"\r\n2026-11-27,\r\n');
  });
});
