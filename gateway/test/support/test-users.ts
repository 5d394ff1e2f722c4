import request from 'supertest';

export interface TestUser {
  id: number;
  email: string;
  token: string;
  /** `{Authorization: 'Bearer <token>'}` */
  auth: { Authorization: string };
}

let counter = 0;

/** Registers a fresh user on a started gateway and returns its id and JWT. */
export async function registerUser(
  baseUrl: string,
  overrides: { email?: string; name?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${Date.now()}@example.com`;
  const response = await request(baseUrl)
    .post('/api/v1/auth/register')
    .send({ email, password: 'correct horse battery', name: overrides.name ?? `User ${counter}` })
    .expect(201);
  const token: string = response.body.token;
  return { id: response.body.user.id, email, token, auth: { Authorization: `Bearer ${token}` } };
}

/** Creates an API key for the user and returns the key and its id. */
export async function createApiKey(
  baseUrl: string,
  user: TestUser,
  name = 'test key',
): Promise<{ key: string; id: string }> {
  const response = await request(baseUrl).post('/api/v1/auth/api-keys').set(user.auth).send({ name }).expect(201);
  return { key: response.body.api_key, id: response.body.api_key_id };
}
