import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser } from './support/test-users';

describe('Auth API', () => {
  let gateway: StartedGateway;

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  const register = (body: object) => request(gateway.url).post('/api/v1/auth/register').send(body);
  const login = (body: object) => request(gateway.url).post('/api/v1/auth/login').send(body);

  describe('POST /auth/register', () => {
    it('answers 201 with the user and a token', async () => {
      const response = await register({ email: 'ada@example.com', password: 'analytical', name: 'Ada' }).expect(201);

      expect(response.body).toEqual({
        user: { id: expect.any(Number), email: 'ada@example.com', name: 'Ada' },
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      });
    });

    it('defaults name to an empty string and normalises the e-mail', async () => {
      const response = await register({ email: '  Grace@Example.COM ', password: 'compiler1' }).expect(201);

      expect(response.body.user).toMatchObject({ email: 'grace@example.com', name: '' });
    });

    it('answers 400 when the e-mail is taken, whatever its case', async () => {
      await register({ email: 'taken@example.com', password: 'password1' }).expect(201);

      const response = await register({ email: 'TAKEN@example.com', password: 'password2' }).expect(400);

      expect(response.body).toEqual({ error: 'Email already registered' });
    });

    it.each([
      [{ password: 'password1' }, 'email is required'],
      [{ email: 'x@example.com' }, 'password is required'],
      [{ email: 'not-an-email', password: 'password1' }, 'email must be a valid e-mail address'],
      [{ email: 'short@example.com', password: 'short' }, 'password must be at least 8 characters'],
      [{ email: 'typed@example.com', password: 12345678 }, 'password must be a string'],
    ])('answers 400 for %j', async (body, message) => {
      const response = await register(body).expect(400);

      expect(response.body.error).toBe(message);
    });
  });

  describe('POST /auth/login', () => {
    beforeAll(async () => {
      await register({ email: 'login@example.com', password: 'right-password', name: 'Lin' }).expect(201);
    });

    it('answers 200 with the user and a token that authenticates', async () => {
      const response = await login({ email: 'login@example.com', password: 'right-password' }).expect(200);

      expect(response.body.user).toMatchObject({ email: 'login@example.com', name: 'Lin' });
      const me = await request(gateway.url)
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${response.body.token}`)
        .expect(200);
      expect(me.body).toEqual({ user: response.body.user });
    });

    it('answers 401 Invalid credentials for a wrong password or an unknown e-mail', async () => {
      const wrongPassword = await login({ email: 'login@example.com', password: 'wrong-password' }).expect(401);
      const unknownEmail = await login({ email: 'nobody@example.com', password: 'right-password' }).expect(401);

      expect(wrongPassword.body).toEqual({ error: 'Invalid credentials' });
      expect(unknownEmail.body).toEqual({ error: 'Invalid credentials' });
    });

    it('answers 400 when a field is missing', async () => {
      const response = await login({ email: 'login@example.com' }).expect(400);

      expect(response.body.error).toBe('password is required');
    });
  });

  describe('protected routes', () => {
    it.each([
      ['no header', undefined],
      ['a garbage bearer', 'Bearer garbage'],
      ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
      ['an unknown API key', 'Bearer imaginario_live_notarealkeyatall'],
      [
        'a token signed with another secret',
        'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZW1haWwiOiJhQGIuYyJ9.c2lnbmF0dXJl',
      ],
    ])('answer 401 Authentication required with %s', async (_label, header) => {
      const call = request(gateway.url).get('/api/v1/auth/me');
      const response = await (header ? call.set('Authorization', header) : call).expect(401);

      expect(response.body).toEqual({ error: 'Authentication required' });
    });

    it('GET /auth/me returns the caller', async () => {
      const user = await registerUser(gateway.url, { name: 'Me' });

      const response = await request(gateway.url).get('/api/v1/auth/me').set(user.auth).expect(200);

      expect(response.body).toEqual({ user: { id: user.id, email: user.email, name: 'Me' } });
    });
  });
});
