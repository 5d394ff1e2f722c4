import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';

describe('Videos API', () => {
  let gateway: StartedGateway;
  let user: TestUser;

  const videosPath = (): string => `/api/v1/users/${user.id}/videos`;
  const create = (body: object) => request(gateway.url).post(videosPath()).set(user.auth).send(body);

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  beforeEach(async () => {
    user = await registerUser(gateway.url);
  });

  describe('POST', () => {
    it('creates a video with defaults and answers 201 with the video', async () => {
      const response = await create({ title: 'First' }).expect(201);

      expect(response.body).toEqual({
        id: expect.any(Number),
        title: 'First',
        description: '',
        duration: 0,
        tags: [],
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        updated_at: response.body.created_at,
      });
    });

    it('stores SQL-looking and unicode text verbatim', async () => {
      const title = "Robert'); DROP TABLE videos;-- 🎬";
      const description = 'Ünïcödé — 日本語 — %_\\ "quotes"';
      const created = await create({ title, description, tags: ['ñandú', "o'reilly"] }).expect(201);

      const fetched = await request(gateway.url).get(`${videosPath()}/${created.body.id}`).set(user.auth).expect(200);

      expect(fetched.body).toMatchObject({ title, description, tags: ['ñandú', "o'reilly"] });
    });

    it.each([
      [{}, 'title is required'],
      [{ title: '' }, 'title is required'],
      [{ title: '   ' }, 'title must not be blank'],
      [{ title: 42 }, 'title must be a string'],
      [{ title: 'x'.repeat(201) }, 'title must be at most 200 characters'],
      [{ title: 'ok', description: 'x'.repeat(10001) }, 'description must be at most 10000 characters'],
      [{ title: 'ok', duration: -1 }, 'duration must not be negative'],
      [{ title: 'ok', duration: '60' }, 'duration must be a whole number of seconds'],
      [{ title: 'ok', duration: 1.5 }, 'duration must be a whole number of seconds'],
      [{ title: 'ok', tags: 'news' }, 'tags must be an array of strings'],
      [{ title: 'ok', tags: [1] }, 'each tag must be a string'],
      [{ title: 'ok', owner_id: 2 }, 'property owner_id should not exist'],
    ])('rejects %j with 400 %s', async (body, message) => {
      const response = await create(body).expect(400);

      expect(response.body.error).toBe(message);
    });

    it('handles concurrent creates, updates and deletes without errors or lost writes', async () => {
      const created = await Promise.all(
        Array.from({ length: 25 }, (_, i) => create({ title: `parallel ${i}`, tags: [`t${i}`] })),
      );
      expect(created.map((response) => response.status)).toEqual(Array(25).fill(201));

      const ids: number[] = created.map((response) => response.body.id);
      const changes = await Promise.all([
        ...ids
          .slice(0, 10)
          .map((id) => request(gateway.url).put(`${videosPath()}/${id}`).set(user.auth).send({ duration: 5 })),
        ...ids.slice(10, 15).map((id) => request(gateway.url).delete(`${videosPath()}/${id}`).set(user.auth)),
      ]);
      expect(changes.map((response) => response.status)).toEqual(Array(15).fill(200));

      const listed = await request(gateway.url).get(videosPath()).query({ per_page: 100 }).set(user.auth).expect(200);
      expect(listed.body.pagination.total).toBe(20);
      expect(listed.body.videos.filter((video: { duration: number }) => video.duration === 5)).toHaveLength(10);
    });

    it('accepts the longest allowed title and description', async () => {
      await create({ title: 'x'.repeat(200), description: 'y'.repeat(10000) }).expect(201);
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await request(gateway.url)
        .post(videosPath())
        .set(user.auth)
        .set('Content-Type', 'application/json')
        .send('{"title": "oops"')
        .expect(400);

      expect(response.body).toEqual({ error: 'Malformed JSON in request body' });
    });

    it('answers 413 for a body over the size limit', async () => {
      const response = await create({ title: 'big', description: 'x'.repeat(2 * 1024 * 1024) }).expect(413);

      expect(response.body).toEqual({ error: 'Request body too large' });
    });
  });

  describe('GET one', () => {
    it('answers 404 Video not found for an unknown id', async () => {
      const response = await request(gateway.url).get(`${videosPath()}/999999`).set(user.auth).expect(404);

      expect(response.body).toEqual({ error: 'Video not found' });
    });

    it('answers 400 for a non-numeric video id', async () => {
      const response = await request(gateway.url).get(`${videosPath()}/abc`).set(user.auth).expect(400);

      expect(response.body).toEqual({ error: 'videoId must be a positive integer' });
    });

    it('answers 400 for a non-numeric user id', async () => {
      const response = await request(gateway.url).get('/api/v1/users/abc/videos').set(user.auth).expect(400);

      expect(response.body).toEqual({ error: 'userId must be a positive integer' });
    });
  });

  describe('PUT', () => {
    it('changes only the given fields, replaces tags and moves updated_at', async () => {
      const created = await create({ title: 'Old', description: 'keep', duration: 10, tags: ['a', 'b'] }).expect(201);

      const updated = await request(gateway.url)
        .put(`${videosPath()}/${created.body.id}`)
        .set(user.auth)
        .send({ title: 'New', tags: ['c'] })
        .expect(200);

      expect(updated.body).toMatchObject({
        id: created.body.id,
        title: 'New',
        description: 'keep',
        duration: 10,
        tags: ['c'],
      });
      expect(updated.body.created_at).toBe(created.body.created_at);
      expect(Date.parse(updated.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));
    });

    it('validates like create', async () => {
      const created = await create({ title: 'Valid' }).expect(201);

      const response = await request(gateway.url)
        .put(`${videosPath()}/${created.body.id}`)
        .set(user.auth)
        .send({ duration: -5 })
        .expect(400);

      expect(response.body.error).toBe('duration must not be negative');
    });

    it.each([
      ['title', 'title must be a string'],
      ['description', 'description must be a string'],
      ['duration', 'duration must be a whole number of seconds'],
      ['tags', 'tags must be an array of strings'],
    ])('answers 400 for %s sent as null and leaves the video as it was', async (field, message) => {
      const created = await create({ title: 'Kept', description: 'as is', duration: 7, tags: ['t'] }).expect(201);

      const response = await request(gateway.url)
        .put(`${videosPath()}/${created.body.id}`)
        .set(user.auth)
        .send({ [field]: null })
        .expect(400);

      expect(response.body.error).toBe(message);
      const stored = await request(gateway.url).get(`${videosPath()}/${created.body.id}`).set(user.auth).expect(200);
      expect(stored.body).toMatchObject({ title: 'Kept', description: 'as is', duration: 7, tags: ['t'] });
    });

    it('answers 404 for an unknown video', async () => {
      await request(gateway.url).put(`${videosPath()}/424242`).set(user.auth).send({ title: 'x' }).expect(404);
    });
  });

  describe('DELETE', () => {
    it('deletes, then answers 404', async () => {
      const created = await create({ title: 'Doomed' }).expect(201);
      const path = `${videosPath()}/${created.body.id}`;

      const deleted = await request(gateway.url).delete(path).set(user.auth).expect(200);
      expect(deleted.body).toEqual({ message: 'Video deleted' });

      await request(gateway.url).get(path).set(user.auth).expect(404);
      await request(gateway.url).delete(path).set(user.auth).expect(404);
    });
  });

  describe('GET list', () => {
    const seed = async (): Promise<void> => {
      await create({ title: 'banana split', description: 'dessert', duration: 300, tags: ['food', 'sweet'] }).expect(
        201,
      );
      await create({ title: 'Apple pie', description: 'baking 100% butter', duration: 1200, tags: ['food'] }).expect(
        201,
      );
      await create({ title: 'cherry', description: 'a tree in spring', duration: 45, tags: ['nature', 'Food'] }).expect(
        201,
      );
    };

    it('returns videos and a pagination object, newest first by default', async () => {
      await seed();

      const response = await request(gateway.url).get(videosPath()).set(user.auth).expect(200);

      expect(response.body.pagination).toEqual({ page: 1, per_page: 20, total: 3, pages: 1 });
      expect(response.body.videos.map((v: { title: string }) => v.title)).toEqual([
        'cherry',
        'Apple pie',
        'banana split',
      ]);
    });

    it('answers a page asked for again with the same JSON, and a write with the new page', async () => {
      await seed();

      const first = await request(gateway.url).get(videosPath()).set(user.auth).expect(200);
      const again = await request(gateway.url).get(videosPath()).set(user.auth).expect(200);
      await create({ title: 'date', duration: 5 }).expect(201);
      const after = await request(gateway.url).get(videosPath()).set(user.auth).expect(200);

      for (const response of [first, again, after]) {
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      }
      expect(again.text).toBe(first.text);
      expect(after.body.pagination.total).toBe(4);
      expect(after.body.videos[0].title).toBe('date');
    });

    it('paginates, including past the last page', async () => {
      for (let i = 1; i <= 5; i += 1) {
        await create({ title: `Video ${i}`, duration: i }).expect(201);
      }
      const page = (n: number) =>
        request(gateway.url)
          .get(videosPath())
          .query({ page: n, per_page: 2, sort: 'duration', order: 'asc' })
          .set(user.auth);

      const first = await page(1).expect(200);
      const last = await page(3).expect(200);
      const beyond = await page(4).expect(200);

      expect(first.body.videos.map((v: { duration: number }) => v.duration)).toEqual([1, 2]);
      expect(first.body.pagination).toEqual({ page: 1, per_page: 2, total: 5, pages: 3 });
      expect(last.body.videos.map((v: { duration: number }) => v.duration)).toEqual([5]);
      expect(beyond.body.videos).toEqual([]);
      expect(beyond.body.pagination).toEqual({ page: 4, per_page: 2, total: 5, pages: 3 });
    });

    it('reports zero pages for an empty library', async () => {
      const response = await request(gateway.url).get(videosPath()).set(user.auth).expect(200);

      expect(response.body).toEqual({
        videos: [],
        pagination: { page: 1, per_page: 20, total: 0, pages: 0 },
        next_cursor: null,
      });
    });

    it('sorts by title case-insensitively and by duration', async () => {
      await seed();

      const byTitle = await request(gateway.url)
        .get(videosPath())
        .query({ sort: 'title', order: 'asc' })
        .set(user.auth);
      const byDuration = await request(gateway.url)
        .get(videosPath())
        .query({ sort: 'duration', order: 'desc' })
        .set(user.auth);

      expect(byTitle.body.videos.map((v: { title: string }) => v.title)).toEqual([
        'Apple pie',
        'banana split',
        'cherry',
      ]);
      expect(byDuration.body.videos.map((v: { duration: number }) => v.duration)).toEqual([1200, 300, 45]);
    });

    it('filters by text in title or description, case-insensitively, with LIKE wildcards taken literally', async () => {
      await seed();
      const titles = async (q: string): Promise<string[]> =>
        (await request(gateway.url).get(videosPath()).query({ q }).set(user.auth).expect(200)).body.videos
          .map((v: { title: string }) => v.title)
          .sort();

      expect(await titles('APPLE')).toEqual(['Apple pie']);
      expect(await titles('tree')).toEqual(['cherry']);
      expect(await titles('100%')).toEqual(['Apple pie']);
      expect(await titles('%')).toEqual(['Apple pie']);
      expect(await titles('_')).toEqual([]);
    });

    it('matches non-ASCII text case-insensitively', async () => {
      await create({ title: 'Ärger im Büro', description: 'ÇA VA' }).expect(201);
      const count = async (q: string): Promise<number> =>
        (await request(gateway.url).get(videosPath()).query({ q }).set(user.auth).expect(200)).body.pagination.total;

      expect(await count('ärger')).toBe(1);
      expect(await count('BÜRO')).toBe(1);
      expect(await count('ça va')).toBe(1);
    });

    it('filters by duration range, inclusive', async () => {
      await seed();

      const response = await request(gateway.url)
        .get(videosPath())
        .query({ min_duration: 45, max_duration: 300, sort: 'duration', order: 'asc' })
        .set(user.auth)
        .expect(200);

      expect(response.body.videos.map((v: { duration: number }) => v.duration)).toEqual([45, 300]);
    });

    it('filters by exact tag (case-sensitive)', async () => {
      await seed();
      const titles = async (tag: string): Promise<string[]> =>
        (await request(gateway.url).get(videosPath()).query({ tag }).set(user.auth).expect(200)).body.videos
          .map((v: { title: string }) => v.title)
          .sort();

      expect(await titles('food')).toEqual(['Apple pie', 'banana split']);
      expect(await titles('Food')).toEqual(['cherry']);
      expect(await titles('foo')).toEqual([]);
    });

    it('filters by creation time', async () => {
      await create({ title: 'early' }).expect(201);
      const cut = new Date(Date.now() + 5).toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await create({ title: 'late' }).expect(201);

      const after = await request(gateway.url)
        .get(videosPath())
        .query({ created_after: cut })
        .set(user.auth)
        .expect(200);
      const before = await request(gateway.url)
        .get(videosPath())
        .query({ created_before: cut })
        .set(user.auth)
        .expect(200);

      expect(after.body.videos.map((v: { title: string }) => v.title)).toEqual(['late']);
      expect(before.body.videos.map((v: { title: string }) => v.title)).toEqual(['early']);
    });

    it.each([
      [{ sort: 'owner_id' }, 'sort must be one of: created_at, title, duration'],
      [{ order: 'sideways' }, 'order must be asc or desc'],
      [{ page: 0 }, 'page must be a positive integer'],
      [{ page: 'two' }, 'page must be a positive integer'],
      [{ page: '0x10' }, 'page must be a positive integer'],
      [{ per_page: '1e1' }, 'per_page must be an integer between 1 and 100'],
      [{ per_page: 101 }, 'per_page must be an integer between 1 and 100'],
      [{ per_page: 0 }, 'per_page must be an integer between 1 and 100'],
      [{ min_duration: -1 }, 'min_duration must be a non-negative integer'],
      [{ min_duration: 10, max_duration: 5 }, 'min_duration must not be greater than max_duration'],
      [{ created_after: 'yesterday' }, 'created_after must be an ISO 8601 date or date-time'],
      [{ bogus: 1 }, 'property bogus should not exist'],
    ])('rejects query %j with 400 %s', async (query, message) => {
      const response = await request(gateway.url).get(videosPath()).query(query).set(user.auth).expect(400);

      expect(response.body.error).toBe(message);
    });
  });
});
