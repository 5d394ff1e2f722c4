import request from 'supertest';

/** Thin REST helpers (supertest against a URL) for the cross-process suites; every call is time-bounded. */

const REQUEST_TIMEOUT_MS = 35_000;

export interface ApiUser {
  id: number;
  token: string;
}

export interface TimedResponse extends request.Response {
  /** Wall-clock time of the request, in milliseconds. */
  elapsedMs: number;
}

export async function api(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { token?: string; body?: object; headers?: Record<string, string> } = {},
): Promise<TimedResponse> {
  const started = performance.now();
  const agent = request(baseUrl);
  const url = `/api/v1${path}`;
  let call =
    method === 'GET'
      ? agent.get(url)
      : method === 'POST'
        ? agent.post(url)
        : method === 'PUT'
          ? agent.put(url)
          : agent.delete(url);
  call = call.timeout(REQUEST_TIMEOUT_MS).set(options.headers ?? {});
  if (options.token) {
    call = call.set('Authorization', `Bearer ${options.token}`);
  }
  const response = options.body === undefined ? await call : await call.send(options.body);
  return Object.assign(response, { elapsedMs: performance.now() - started });
}

let users = 0;

export async function register(baseUrl: string): Promise<ApiUser> {
  users += 1;
  const response = await api(baseUrl, 'POST', '/auth/register', {
    body: { email: `searcher${users}-${Date.now()}@example.com`, password: 'correct horse battery' },
  });
  if (response.status !== 201) {
    throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return { id: response.body.user.id, token: response.body.token };
}

export interface NewVideo {
  title: string;
  description?: string;
  tags?: string[];
  duration?: number;
}

export async function createVideo(baseUrl: string, user: ApiUser, video: NewVideo): Promise<number> {
  const response = await api(baseUrl, 'POST', `/users/${user.id}/videos`, { token: user.token, body: video });
  if (response.status !== 201) {
    throw new Error(`create video answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.id;
}

export function search(baseUrl: string, user: ApiUser, body: object, headers?: Record<string, string>) {
  return api(baseUrl, 'POST', `/users/${user.id}/search`, { token: user.token, body, headers });
}

/** The ids of a completed search's results, or undefined while the search does not complete in time. */
export async function searchIds(baseUrl: string, user: ApiUser, query: string): Promise<number[] | undefined> {
  const response = await search(baseUrl, user, { query });
  return response.status === 200 && response.body.status === 'completed'
    ? (response.body.results as Array<{ video_id: number }>).map((result) => result.video_id)
    : undefined;
}
