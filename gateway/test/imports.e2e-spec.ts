import request from 'supertest';
// eslint-disable-next-line no-restricted-imports -- the e2e starts the real search service, as search-options.e2e-spec.ts does
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';
import { until } from './support/until';

jest.setTimeout(60_000);

/** Issue 14: bulk import of NDJSON and CSV, row errors, idempotency, limits and permissions. */
describe('Bulk import (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let user: TestUser;

  const importPath = (): string => `/api/v1/users/${user.id}/videos/import`;
  const importsPath = (): string => `/api/v1/users/${user.id}/videos/imports`;
  const send = (body: string, contentType: string, path = importPath()) =>
    request(gateway.url).post(path).set(user.auth).set('Content-Type', contentType).send(body);
  const completed = (id: number) =>
    until(async () => {
      const { body } = await request(gateway.url).get(`${importsPath()}/${id}`).set(user.auth).expect(200);
      return body.status === 'completed' ? body : undefined;
    });

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({
      env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token, IMPORT_MAX_ROWS: '50', IMPORT_POLL_MS: '100' },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  beforeEach(async () => {
    user = await registerUser(gateway.url);
  });

  it('imports the good NDJSON rows, reports the bad ones by row number, and the good ones become searchable', async () => {
    const body = [
      JSON.stringify({ title: 'Harpsichord tuning', duration: 300, tags: ['music', 'baroque'] }),
      JSON.stringify({ description: 'no title' }),
      '{not json',
      '',
      JSON.stringify({ title: 'Lute repair', duration: -1 }),
      JSON.stringify({ title: 'Viola da gamba basics', description: 'Bowing', tags: ['music'] }),
    ].join('\n');

    const accepted = await send(body, 'application/x-ndjson').expect(202);

    expect(accepted.body).toMatchObject({
      import_id: accepted.body.id,
      format: 'ndjson',
      total: 5,
      done: 2,
      failed: 3,
    });
    expect(accepted.body.errors).toEqual([
      { row: 2, message: 'title is required' },
      { row: 3, message: 'row is not valid JSON' },
      { row: 4, message: 'duration must not be negative' },
    ]);
    const final = await completed(accepted.body.id);
    expect(final).toMatchObject({ searchable: true, errors_total: 3, searchable_at: expect.any(String) });
    const found = await request(gateway.url)
      .post(`/api/v1/users/${user.id}/search`)
      .set(user.auth)
      .send({ query: 'harpsichord' })
      .expect((response) => expect(response.status).toBeLessThan(300));
    expect(found.body.result_count).toBe(1);
    const list = await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(user.auth).expect(200);
    expect(list.body.videos).toHaveLength(2);
  });

  it('imports CSV with a header, tags split on | or ;, and downloads the errors as CSV', async () => {
    const body =
      'title,description,duration,tags\nOrgan pipes,"Wind, pressure",120,music|organ\n,missing,5,\nBells,,1.5,a;b\n';

    const accepted = await send(body, 'text/csv').expect(202);

    expect(accepted.body).toMatchObject({ format: 'csv', total: 3, done: 1, failed: 2 });
    expect(accepted.body.errors).toEqual([
      { row: 2, message: 'title is required' },
      { row: 3, message: 'duration must be a whole number of seconds' },
    ]);
    const csv = await request(gateway.url)
      .get(`${importsPath()}/${accepted.body.id}/errors?format=csv`)
      .set(user.auth)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toBe('row,message\n2,title is required\n3,duration must be a whole number of seconds\n');
    const list = await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(user.auth).expect(200);
    expect(list.body.videos).toEqual([expect.objectContaining({ title: 'Organ pipes', tags: ['music', 'organ'] })]);
  });

  it('the format query parameter overrides the content type', async () => {
    const accepted = await send(
      JSON.stringify({ title: 'Octet' }),
      'application/octet-stream',
      `${importPath()}?format=ndjson`,
    ).expect(202);
    expect(accepted.body).toMatchObject({ format: 'ndjson', done: 1 });
  });

  it('a retry with the same Idempotency-Key imports nothing again; another body with the key is 409', async () => {
    const body = `${JSON.stringify({ title: 'Once only' })}\n`;
    const first = await send(body, 'application/x-ndjson').set('Idempotency-Key', 'key-1').expect(202);
    const again = await send(body, 'application/x-ndjson').set('Idempotency-Key', 'key-1').expect(202);

    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const conflict = await send(`${JSON.stringify({ title: 'Other' })}\n`, 'application/x-ndjson')
      .set('Idempotency-Key', 'key-1')
      .expect(409);
    expect(conflict.body).toEqual({ error: expect.stringContaining('Idempotency-Key') });
    const list = await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(user.auth).expect(200);
    expect(list.body.videos).toHaveLength(1);
    const imports = await request(gateway.url).get(importsPath()).set(user.auth).expect(200);
    expect(imports.body).toMatchObject({ total: 1, imports: [expect.objectContaining({ id: first.body.id })] });
  });

  it('refuses more rows than IMPORT_MAX_ROWS with 413 and imports nothing', async () => {
    const body = Array.from({ length: 51 }, (_, index) => JSON.stringify({ title: `Row ${index}` })).join('\n');

    const response = await send(body, 'application/x-ndjson').expect(413);

    expect(response.body).toEqual({ error: 'Request body too large' });
    const list = await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(user.auth).expect(200);
    expect(list.body.videos).toHaveLength(0);
    const imports = await request(gateway.url).get(importsPath()).set(user.auth).expect(200);
    expect(imports.body.total).toBe(0);
  });

  it('reports a row nested too deeply as a row error and imports the others', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const body = [
      JSON.stringify({ title: 'Shallow' }),
      `{"title":"Deep","description":${deep}}`,
      JSON.stringify({ title: 'Also shallow' }),
    ].join('\n');

    const accepted = await send(body, 'application/x-ndjson').expect(202);

    expect(accepted.body).toMatchObject({ total: 3, done: 2, failed: 1 });
    expect(accepted.body.errors).toEqual([{ row: 2, message: 'row nests more than 32 levels of objects and arrays' }]);
  });

  it('answers a page of the import list far past the end as an empty page', async () => {
    await send(JSON.stringify({ title: 'One' }), 'application/x-ndjson').expect(202);

    const response = await request(gateway.url)
      .get(`${importsPath()}?page=99999999999999999999`)
      .set(user.auth)
      .expect(200);

    expect(response.body).toMatchObject({ imports: [], total: 1 });
  });

  it.each(['application/x-ndjson', 'text/csv', 'application/octet-stream'])(
    'answers 415 for a %s body sent to a route other than the import, and creates nothing',
    async (contentType) => {
      const response = await request(gateway.url)
        .post(`/api/v1/users/${user.id}/videos`)
        .set(user.auth)
        .set('Content-Type', contentType)
        .send(JSON.stringify({ title: 'Not here' }))
        .expect(415);

      expect(response.body).toEqual({ error: 'Unsupported request body content type' });
      const list = await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(user.auth).expect(200);
      expect(list.body.videos).toEqual([]);
    },
  );

  it('refuses a JSON body with 415 {error}', async () => {
    const response = await request(gateway.url).post(importPath()).set(user.auth).send({ title: 'x' }).expect(415);
    expect(response.body).toEqual({ error: expect.any(String) });
  });

  it("another owner's import is 404", async () => {
    const accepted = await send(JSON.stringify({ title: 'Mine' }), 'application/x-ndjson').expect(202);
    const other = await registerUser(gateway.url);

    await request(gateway.url)
      .get(`/api/v1/users/${other.id}/videos/imports/${accepted.body.id}`)
      .set(other.auth)
      .expect(404);
  });

  it('an API key without videos:write gets 403', async () => {
    const key = await request(gateway.url)
      .post('/api/v1/auth/api-keys')
      .set(user.auth)
      .send({ name: 'read only', permissions: ['videos:read'] })
      .expect(201);

    const response = await request(gateway.url)
      .post(importPath())
      .set('Authorization', `Bearer ${key.body.api_key}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(JSON.stringify({ title: 'x' }))
      .expect(403);
    expect(response.body).toEqual({ error: expect.any(String) });
  });
});
