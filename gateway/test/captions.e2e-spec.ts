import request from 'supertest';
import { DataSource } from 'typeorm';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';

const VTT = [
  'WEBVTT',
  '',
  'NOTE recorded in the bakery',
  '',
  '00:04.000 --> 00:07.500',
  '<v Ada>Welcome to the <b>bakery</b></v>',
  '',
  '04:12.000 --> 04:16.250',
  'Now feed the sourdough starter &amp; wait',
  '',
].join('\n');

const SRT = ['1', '00:00:01,000 --> 00:00:02,000', 'Hola', '', '2', '01:00:00,000 --> 01:00:03,500', 'Adiós', ''].join(
  '\r\n',
);

interface OutboxRow {
  version: number;
  type: string;
  payload: string;
}

describe('Captions API', () => {
  let gateway: StartedGateway;
  let user: TestUser;
  let videoId: number;

  const captionsPath = (id = videoId, owner = user): string => `/api/v1/users/${owner.id}/videos/${id}/captions`;
  const putRaw = (body: string, contentType: string, query = '') =>
    request(gateway.url).put(`${captionsPath()}${query}`).set(user.auth).set('Content-Type', contentType).send(body);
  const video = async (): Promise<{ version: number }> => {
    const [row] = await gateway.app
      .get(DataSource)
      .query<Array<{ version: number }>>(`SELECT version FROM videos WHERE id = ${videoId}`);
    return row;
  };
  const lastEvent = async (): Promise<OutboxRow> => {
    const rows = await gateway.app
      .get(DataSource)
      .query<OutboxRow[]>(
        `SELECT version, type, payload FROM outbox_events WHERE video_id = ${videoId} ORDER BY id DESC`,
      );
    return rows[0];
  };

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  beforeEach(async () => {
    user = await registerUser(gateway.url);
    const created = await request(gateway.url)
      .post(`/api/v1/users/${user.id}/videos`)
      .set(user.auth)
      .send({ title: 'Sourdough at home', duration: 600 })
      .expect(201);
    videoId = created.body.id;
  });

  it('stores raw WebVTT, bumps the video and leaves an upsert carrying the cues', async () => {
    const response = await putRaw(VTT, 'text/vtt; charset=utf-8', '?language=en').expect(200);
    expect(response.body).toEqual({
      video_id: videoId,
      language: 'en',
      format: 'vtt',
      cue_count: 2,
      duration: 256.25,
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    expect(await video()).toEqual({ version: 2 });
    const event = await lastEvent();
    expect(event).toMatchObject({ version: 2, type: 'upsert' });
    expect(JSON.parse(event.payload)).toMatchObject({
      title: 'Sourdough at home',
      captions_language: 'en',
      captions: [
        { start_ms: 4000, end_ms: 7500, text: 'Welcome to the bakery' },
        { start_ms: 252_000, end_ms: 256_250, text: 'Now feed the sourdough starter & wait' },
      ],
    });

    const fetched = await request(gateway.url).get(captionsPath()).set(user.auth).expect(200);
    expect(fetched.body).toEqual({
      ...response.body,
      cues: [
        { start: 4, end: 7.5, t: '00:04', text: 'Welcome to the bakery' },
        { start: 252, end: 256.25, t: '04:12', text: 'Now feed the sourdough starter & wait' },
      ],
    });
  });

  it('stores SRT sent as JSON, replacing the previous captions', async () => {
    await putRaw(VTT, 'text/vtt').expect(200);
    const response = await request(gateway.url)
      .put(captionsPath())
      .set(user.auth)
      .send({ format: 'srt', content: SRT, language: 'es' })
      .expect(200);
    expect(response.body).toMatchObject({ format: 'srt', language: 'es', cue_count: 2, duration: 3603.5 });

    const fetched = await request(gateway.url).get(captionsPath()).set(user.auth).expect(200);
    expect(fetched.body.cues).toEqual([
      { start: 1, end: 2, t: '00:01', text: 'Hola' },
      { start: 3600, end: 3603.5, t: '1:00:00', text: 'Adiós' },
    ]);
    expect(await video()).toEqual({ version: 3 });
  });

  it('detects the format of text/plain and honours ?format=', async () => {
    await putRaw(SRT, 'text/plain').expect(200, /"format":"srt"/);
    await putRaw(VTT, 'application/x-subrip', '?format=vtt').expect(200, /"format":"vtt"/);
  });

  it('keeps the captions in the upsert of a later video update', async () => {
    await putRaw(VTT, 'text/vtt').expect(200);
    await request(gateway.url)
      .put(`/api/v1/users/${user.id}/videos/${videoId}`)
      .set(user.auth)
      .send({ title: 'Sourdough, the sequel' })
      .expect(200);
    const event = await lastEvent();
    expect(event.version).toBe(3);
    expect(JSON.parse(event.payload)).toMatchObject({ title: 'Sourdough, the sequel', captions: expect.any(Array) });
    expect(JSON.parse(event.payload).captions).toHaveLength(2);
  });

  it('gives concurrent caption uploads and video updates a version each', async () => {
    const writes = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        index % 2 === 0
          ? putRaw(VTT, 'text/vtt')
          : request(gateway.url)
              .put(`/api/v1/users/${user.id}/videos/${videoId}`)
              .set(user.auth)
              .send({ title: `Take ${index}` }),
      ),
    );
    expect(writes.map((response) => response.status)).toEqual(Array(6).fill(200));
    const versions = await gateway.app
      .get(DataSource)
      .query<Array<{ version: number }>>(`SELECT version FROM outbox_events WHERE video_id = ${videoId}`);
    expect(versions.map((row) => Number(row.version)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await video()).toEqual({ version: 7 });
  });

  it('deletes them with an upsert without captions, then answers 404', async () => {
    await putRaw(VTT, 'text/vtt').expect(200);
    await request(gateway.url).delete(captionsPath()).set(user.auth).expect(200, { message: 'Captions deleted' });

    const event = await lastEvent();
    expect(event).toMatchObject({ version: 3, type: 'upsert' });
    expect(JSON.parse(event.payload).captions).toBeUndefined();
    await request(gateway.url).get(captionsPath()).set(user.auth).expect(404, { error: 'Captions not found' });
    await request(gateway.url).delete(captionsPath()).set(user.auth).expect(404, { error: 'Captions not found' });
  });

  it('answers 400 with the line of a broken cue and stores nothing', async () => {
    const broken = VTT.replace('04:16.250', '04:11.000');
    const response = await putRaw(broken, 'text/vtt').expect(400);
    expect(response.body).toEqual({ error: 'Line 8: the cue ends before it starts', line: 8 });

    const garbage = await putRaw('this is not a caption file', 'text/plain').expect(400);
    expect(garbage.body.line).toBe(1);
    expect(await video()).toEqual({ version: 1 });
    await request(gateway.url).get(captionsPath()).set(user.auth).expect(404);
  });

  it('answers 415 for a body that is neither caption text nor JSON', async () => {
    await putRaw('<tt/>', 'application/xml').expect(415, { error: 'Unsupported request body content type' });
    await putRaw(VTT, 'application/octet-stream').expect(415, { error: 'Unsupported request body content type' });
  });

  it('validates the JSON body and the language tag', async () => {
    const missing = await request(gateway.url).put(captionsPath()).set(user.auth).send({ format: 'vtt' }).expect(400);
    expect(missing.body.error).toBe('content is required');
    const language = await putRaw(VTT, 'text/vtt', '?language=not_a_tag').expect(400);
    expect(language.body.error).toMatch(/^language must be a BCP 47 tag/);
  });

  it.each(['null', '[]', '"WEBVTT"', '42'])('reads a JSON body of %s as one without content: 400', async (body) => {
    const response = await putRaw(body, 'application/json').expect(400);
    expect(response.body.error).toBe('content is required');
  });

  it('answers 413 for a body over 2 MB, raw or JSON', async () => {
    const big = `WEBVTT\n\n00:01.000 --> 00:02.000\n${'x'.repeat(2 * 1024 * 1024)}\n`;
    await putRaw(big, 'text/vtt').expect(413, { error: 'Request body too large' });
    await request(gateway.url)
      .put(captionsPath())
      .set(user.auth)
      .send({ content: big })
      .expect(413, { error: 'Request body too large' });
  });

  it('accepts a 1.5 MB body, beyond the global BODY_LIMIT', async () => {
    const cue = (index: number): string => {
      const at = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 23);
      return `${at(index)} --> ${at(index + 1)}\n${'word '.repeat(30)}\n`;
    };
    const body = `WEBVTT\n\n${Array.from({ length: 10_000 }, (_, index) => cue(index)).join('\n')}`;
    expect(body.length).toBeGreaterThan(1.5 * 1024 * 1024);
    await request(gateway.url)
      .put(captionsPath())
      .set(user.auth)
      .send({ content: body })
      .expect(200, /"cue_count":10000/);
  });

  it("answers 404 for another user's video and 403 for another user's path", async () => {
    const other = await registerUser(gateway.url);
    await request(gateway.url)
      .put(captionsPath(videoId, other))
      .set(other.auth)
      .set('Content-Type', 'text/vtt')
      .send(VTT)
      .expect(404, { error: 'Video not found' });
    await putRaw(VTT, 'text/vtt').expect(200);
    await request(gateway.url).get(captionsPath(videoId, other)).set(other.auth).expect(404);
    await request(gateway.url).delete(captionsPath(videoId, other)).set(other.auth).expect(404);
    await request(gateway.url).get(captionsPath()).set(other.auth).expect(403);
  });

  it('removes the captions with the video', async () => {
    await putRaw(VTT, 'text/vtt').expect(200);
    await request(gateway.url).delete(`/api/v1/users/${user.id}/videos/${videoId}`).set(user.auth).expect(200);
    const rows = await gateway.app
      .get(DataSource)
      .query<unknown[]>(`SELECT video_id FROM video_captions WHERE video_id = ${videoId}`);
    expect(rows).toEqual([]);
    await request(gateway.url).get(captionsPath()).set(user.auth).expect(404, { error: 'Video not found' });
  });
});
