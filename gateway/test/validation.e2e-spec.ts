import { connect } from 'node:net';
import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';

describe('Gateway edge behaviour', () => {
  let gateway: StartedGateway;
  let user: TestUser;

  beforeAll(async () => {
    gateway = await startGateway();
    user = await registerUser(gateway.url);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await request(gateway.url).get('/api/v1/nothing-here').set(user.auth).expect(404);

    expect(response.body).toEqual({ error: expect.stringContaining('/api/v1/nothing-here') });
  });

  it('answers 405 with Allow and {error} for a served path asked with another method', async () => {
    const login = await request(gateway.url).get('/api/v1/auth/login').expect(405);
    expect(login.headers.allow).toBe('POST');
    expect(login.body).toEqual({ error: 'Method GET is not allowed here; use POST' });

    const videos = await request(gateway.url).patch(`/api/v1/users/${user.id}/videos?page=2`).set(user.auth);
    expect(videos.status).toBe(405);
    expect(videos.headers.allow).toBe('GET, HEAD, POST');

    const head = await request(gateway.url).head('/api/v1/auth/register').expect(405);
    expect(head.headers.allow).toBe('POST');
  });

  it('answers 400 {error} with the security headers for a path that does not percent-decode', async () => {
    const response = await request(gateway.url).get(`/api/v1/users/${user.id}/videos/%ff`).set(user.auth).expect(400);

    expect(response.body).toEqual({ error: 'Malformed URL: a percent-encoded character in its path does not decode' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  /** The raw answer of the gateway to `bytes` sent on a connection of their own, once it closes the connection. */
  const rawAnswer = (bytes: string): Promise<{ status: number; headers: string; body: unknown }> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(gateway.url);
      const socket = connect(Number(port), hostname, () => socket.end(bytes));
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = received.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) });
      });
    });

  it('answers 431 {error} with the security headers for headers over the limit, and keeps serving', async () => {
    const answer = await rawAnswer(`GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);

    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({ error: 'Request headers too large: send less than 16 KiB of headers' });
    expect(answer.headers).toContain('x-content-type-options: nosniff');
    await request(gateway.url).get('/api/v1/auth/me').set(user.auth).expect(200);
  });

  it('answers 400 {error} for a request Node cannot parse', async () => {
    const answer = await rawAnswer('GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n');

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'Malformed HTTP request' });
  });

  it('still answers 404 for a path no method serves', async () => {
    const response = await request(gateway.url).delete('/api/v1/users/1/nothing-here').set(user.auth).expect(404);

    expect(response.body).toEqual({ error: expect.stringContaining('/api/v1/users/1/nothing-here') });
  });

  it('answers malformed JSON with 400 before authentication details leak', async () => {
    const response = await request(gateway.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);

    expect(response.body).toEqual({ error: 'Malformed JSON in request body' });
  });

  it('answers 400 for a JSON body nested deeper than any the API takes, on every route that reads one', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const routes = [
      ['post', '/api/v1/auth/register'],
      ['post', `/api/v1/users/${user.id}/videos`],
      ['post', `/api/v1/users/${user.id}/search`],
      ['post', '/api/v1/webhooks'],
    ] as const;

    for (const [method, path] of routes) {
      const response = await request(gateway.url)
        [method](path)
        .set(user.auth)
        .set('Content-Type', 'application/json')
        .send(`{"title":${deep}}`)
        .expect(400);
      expect(response.body).toEqual({ error: 'Request body nests more than 32 levels of objects and arrays' });
    }
  });

  it('lists every error for a request with several problems', async () => {
    const response = await request(gateway.url)
      .post(`/api/v1/users/${user.id}/videos`)
      .set(user.auth)
      .send({ title: '', duration: -1 })
      .expect(400);

    expect(response.body.error).toBe('title is required');
    expect(response.body.details).toEqual(
      expect.arrayContaining(['title is required', 'duration must not be negative']),
    );
  });

  it('allows the old frontend origin with the authorization header in a CORS preflight', async () => {
    const response = await request(gateway.url)
      .options(`/api/v1/users/${user.id}/videos`)
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type')
      .expect(204);

    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
  });

  it('answers an OPTIONS request without Origin or a requested method with 204, not a plain-text 400', async () => {
    const response = await request(gateway.url).options(`/api/v1/users/${user.id}/videos`).expect(204);

    expect(response.text).toBe('');
  });

  it('does not allow an origin outside the allow-list', async () => {
    const response = await request(gateway.url).get('/health').set('Origin', 'https://evil.example.com').expect(200);

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets security headers', async () => {
    const response = await request(gateway.url).get('/health').expect(200);

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document with every gateway-core endpoint, bearer auth and error responses', async () => {
    const response = await request(gateway.url).get('/api/docs-json').expect(200);
    const spec = response.body;

    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/auth/me',
        '/api/v1/auth/api-keys',
        '/api/v1/auth/api-keys/{id}',
        '/api/v1/users/{userId}/videos',
        '/api/v1/users/{userId}/videos/{videoId}',
      ]),
    );
    const createVideo = spec.paths['/api/v1/users/{userId}/videos'].post;
    expect(createVideo.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(createVideo.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    expect(spec.components.schemas.CreateVideoDto.properties.title).toMatchObject({ maxLength: 200 });
  });

  it('serves the Swagger UI', async () => {
    const response = await request(gateway.url).get('/api/docs').redirects(1).expect(200);

    expect(response.text).toContain('swagger-ui');
  });
});
