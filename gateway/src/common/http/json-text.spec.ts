import { JsonText, serializeReply } from './json-text';

describe('serializeReply', () => {
  it('sends JSON kept as text as it is', () => {
    const kept = JsonText.of({ videos: [{ id: 1, title: 'A "quoted" <title>' }], next_cursor: null });

    expect(serializeReply(kept)).toBe('{"videos":[{"id":1,"title":"A \\"quoted\\" <title>"}],"next_cursor":null}');
  });

  it('serializes anything else as Fastify does by default', () => {
    const body = { error: 'Not found', nested: { at: new Date('2026-12-07T00:00:00Z') } };

    expect(serializeReply(body)).toBe(JSON.stringify(body));
  });
});
