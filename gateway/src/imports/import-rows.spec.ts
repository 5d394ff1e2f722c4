import { Readable } from 'node:stream';
import { BodyTooLargeError, csvRecordToVideo, MeteredBody, ParsedRow, parseRows } from './import-rows';

async function rows(text: string, format: 'ndjson' | 'csv'): Promise<ParsedRow[]> {
  const parsed: ParsedRow[] = [];
  for await (const row of parseRows(Readable.from([Buffer.from(text)]), format)) {
    parsed.push(row);
  }
  return parsed;
}

describe('import rows', () => {
  it('numbers NDJSON rows from 1, skipping blank lines, and reports lines that are not objects', async () => {
    expect(await rows('{"title":"a"}\n\n[1]\n{bad\r\n{"title":"b"}', 'ndjson')).toEqual([
      { row: 1, value: { title: 'a' } },
      { row: 2, error: 'row must be a JSON object' },
      { row: 3, error: 'row is not valid JSON' },
      { row: 4, value: { title: 'b' } },
    ]);
  });

  it('reads CSV after its header, quoted cells included, and names unknown columns', async () => {
    expect(await rows('Title,duration,tags\n"a, b",5,x|y\n', 'csv')).toEqual([
      { row: 1, value: { title: 'a, b', duration: 5, tags: ['x', 'y'] } },
    ]);
    expect(await rows('title,colour\na,red\n', 'csv')).toEqual([{ row: 1, error: 'unknown column colour' }]);
  });

  it('turns CSV cells into the fields of a create: empty is absent, tags split on | or ;', () => {
    expect(csvRecordToVideo({ title: 't', description: '', duration: ' 12 ', tags: 'a;b|c' })).toEqual({
      title: 't',
      duration: 12,
      tags: ['a', 'b', 'c'],
    });
    expect(csvRecordToVideo({ title: 't', duration: '1.5' })).toEqual({ title: 't', duration: '1.5' });
  });

  it('refuses a body past its byte limit', async () => {
    const metered = new MeteredBody(4);
    const body = Readable.from([Buffer.from('123'), Buffer.from('45')]).pipe(metered);
    await expect(
      (async () => {
        for await (const chunk of body) {
          void chunk;
        }
      })(),
    ).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
