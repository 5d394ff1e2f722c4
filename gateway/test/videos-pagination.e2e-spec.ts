import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';

interface ListedVideo {
  id: number;
  title: string;
  duration: number;
  tags: string[];
  created_at: string;
}

interface ListBody {
  videos: ListedVideo[];
  pagination: { page: number; per_page: number; total: number; pages: number; total_estimated?: true };
  next_cursor: string | null;
}

type Query = Record<string, string | number>;

const SORTS = ['created_at', 'title', 'duration'] as const;
const ORDERS = ['asc', 'desc'] as const;
const ORDERINGS = SORTS.flatMap((sort) => ORDERS.map((order) => [sort, order] as const));
// Case variants and repeats, so the case-insensitive title order has ties for the id to break.
const WORDS = ['alpha', 'Alpha', 'BETA', 'beta', 'gamma', 'Delta', 'delta2', 'epsilon'];

describe('Videos pagination (cursor and page number)', () => {
  let gateway: StartedGateway;
  let owner: TestUser;
  let library: ListedVideo[];

  const videosPath = (user: TestUser): string => `/api/v1/users/${user.id}/videos`;

  const list = async (user: TestUser, query: Query): Promise<ListBody> =>
    (await request(gateway.url).get(videosPath(user)).query(query).set(user.auth).expect(200)).body as ListBody;

  const createMany = async (user: TestUser, count: number): Promise<ListedVideo[]> => {
    const created: ListedVideo[] = [];
    // A few at a time, so some creation times collide and the id has to break the tie.
    for (let i = 0; i < count; i += 4) {
      const batch = Array.from({ length: Math.min(4, count - i) }, (_, j) => i + j);
      const responses = await Promise.all(
        batch.map((n) =>
          request(gateway.url)
            .post(videosPath(user))
            .set(user.auth)
            .send({ title: WORDS[n % WORDS.length], duration: ((n * 7) % 10) * 60, tags: n % 3 === 0 ? ['third'] : [] })
            .expect(201),
        ),
      );
      created.push(...responses.map((response) => response.body as ListedVideo));
    }
    return created;
  };

  const walkByPage = async (user: TestUser, query: Query, perPage: number): Promise<ListBody[]> => {
    const first = await list(user, { ...query, per_page: perPage });
    const rest = [];
    for (let page = 2; page <= first.pagination.pages; page += 1) {
      rest.push(await list(user, { ...query, per_page: perPage, page }));
    }
    return [first, ...rest];
  };

  const walkByCursor = async (user: TestUser, query: Query, perPage: number): Promise<ListBody[]> => {
    const pages = [await list(user, { ...query, per_page: perPage })];
    for (let cursor = pages[0].next_cursor; cursor !== null; cursor = pages[pages.length - 1].next_cursor) {
      pages.push(await list(user, { ...query, per_page: perPage, cursor }));
    }
    return pages;
  };

  const idsOf = (pages: ListBody[]): number[] => pages.flatMap((page) => page.videos.map((video) => video.id));

  beforeAll(async () => {
    gateway = await startGateway();
    owner = await registerUser(gateway.url);
    library = await createMany(owner, 57);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it.each(ORDERINGS)(
    'walks sort=%s order=%s by cursor through the same videos, in the same order, as by page number',
    async (sort, order) => {
      const byPage = await walkByPage(owner, { sort, order }, 10);
      const byCursor = await walkByCursor(owner, { sort, order }, 10);

      expect(idsOf(byCursor)).toEqual(idsOf(byPage));
      expect(idsOf(byCursor)).toEqual(expectedOrder(library, sort, order));
      expect(byCursor.map((page) => page.pagination)).toEqual(byPage.map((page) => page.pagination));
      expect(byPage.map((page) => page.pagination.page)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(byPage.map((page) => page.next_cursor === null)).toEqual([false, false, false, false, false, true]);
      expect(byCursor[5].pagination).toEqual({ page: 6, per_page: 10, total: 57, pages: 6 });
    },
  );

  it.each([
    ['a tag', { tag: 'third' }],
    ['a duration range', { min_duration: 120, max_duration: 420 }],
    ['text', { q: 'ALPHA' }],
  ])('walks a list filtered by %s by cursor as by page number', async (_filter, filter) => {
    for (const [sort, order] of ORDERINGS) {
      const byPage = await walkByPage(owner, { ...filter, sort, order }, 4);
      const byCursor = await walkByCursor(owner, { ...filter, sort, order }, 4);

      const expected = expectedOrder(library.filter(matches(filter)), sort, order);
      expect(expected.length).toBeGreaterThan(8);
      expect(idsOf(byPage)).toEqual(expected);
      expect(idsOf(byCursor)).toEqual(expected);
      expect(byCursor[0].pagination.total).toBe(expected.length);
      expect(byCursor[byCursor.length - 1].next_cursor).toBeNull();
    }
  });

  it('lets a cursor continue from a page reached by number, and per_page change on the way', async () => {
    const third = await list(owner, { sort: 'title', order: 'asc', per_page: 10, page: 3 });
    const fourth = await list(owner, { sort: 'title', order: 'asc', per_page: 10, page: 4 });
    const next = await list(owner, {
      sort: 'title',
      order: 'asc',
      per_page: 10,
      cursor: third.next_cursor as string,
    });
    const longer = await list(owner, {
      sort: 'title',
      order: 'asc',
      per_page: 15,
      cursor: third.next_cursor as string,
    });

    expect(next).toEqual(fourth);
    expect(longer.videos.map((video) => video.id)).toEqual(expectedOrder(library, 'title', 'asc').slice(30, 45));
    expect(longer.pagination).toEqual({ page: 3, per_page: 15, total: 57, pages: 4 });
  });

  it('answers an empty last page with next_cursor null past the end', async () => {
    const beyond = await list(owner, { per_page: 10, page: 7 });

    expect(beyond).toEqual({
      videos: [],
      pagination: { page: 7, per_page: 10, total: 57, pages: 6 },
      next_cursor: null,
    });
  });

  it('keeps each owner’s total exact through concurrent creates and deletes', async () => {
    const other = await registerUser(gateway.url);
    const created = await createMany(other, 12);

    await Promise.all([
      ...created.slice(0, 5).map((video) =>
        request(gateway.url)
          .delete(`${videosPath(other)}/${video.id}`)
          .set(other.auth)
          .expect(200),
      ),
      createMany(other, 3),
    ]);

    expect((await list(other, {})).pagination.total).toBe(10);
    expect((await list(other, { tag: 'third' })).pagination.total).toBe(
      idsOf(await walkByCursor(other, { tag: 'third' }, 100)).length,
    );
    expect((await list(owner, {})).pagination.total).toBe(57);
    expect(idsOf(await walkByCursor(other, {}, 3))).toHaveLength(10);
  });

  it('puts a renamed video in its new place in the title order', async () => {
    const other = await registerUser(gateway.url);
    const [first, second] = await createMany(other, 2);

    await request(gateway.url)
      .put(`${videosPath(other)}/${second.id}`)
      .set(other.auth)
      .send({ title: 'AAA' })
      .expect(200);
    const byTitle = await list(other, { sort: 'title', order: 'asc' });

    expect(byTitle.videos.map((video) => video.id)).toEqual([second.id, first.id]);
  });

  it('shows every kind of write on a page it has answered before, at once', async () => {
    const other = await registerUser(gateway.url);
    const [kept, removed] = await createMany(other, 2);
    const video = `${videosPath(other)}/${kept.id}`;
    const page = async () => {
      const body = await list(other, { sort: 'duration', order: 'asc' });
      return { ...body, byId: new Map(body.videos.map((listed) => [listed.id, listed])) };
    };
    await page();
    await page();

    await request(gateway.url).put(video).set(other.auth).send({ description: 'Now described' }).expect(200);
    expect((await page()).byId.get(kept.id)).toMatchObject({ description: 'Now described' });

    const retagged = await request(gateway.url)
      .put(video)
      .set(other.auth)
      .send({ tags: ['fresh'] })
      .expect(200);
    expect((await page()).byId.get(kept.id)).toMatchObject({ tags: ['fresh'], updated_at: retagged.body.updated_at });

    const [added] = await createMany(other, 1);
    expect((await page()).byId.has(added.id)).toBe(true);

    await request(gateway.url)
      .delete(`${videosPath(other)}/${removed.id}`)
      .set(other.auth)
      .expect(200);
    const afterDelete = await page();
    expect(afterDelete.byId.has(removed.id)).toBe(false);
    expect(afterDelete.pagination.total).toBe(2);

    await request(gateway.url)
      .post(`${videosPath(other)}/import`)
      .set(other.auth)
      .set('Content-Type', 'application/x-ndjson')
      .send(JSON.stringify({ title: 'Imported', duration: 1 }))
      .expect(202);
    const afterImport = await page();
    expect(afterImport.pagination.total).toBe(3);
    expect(afterImport.videos.map((listed) => listed.title)).toContain('Imported');
  });

  describe('rejects with 400', () => {
    const firstCursor = async (query: Query): Promise<string> =>
      (await list(owner, { ...query, per_page: 5 })).next_cursor as string;

    const rejection = async (query: Query): Promise<string> =>
      (await request(gateway.url).get(videosPath(owner)).query(query).set(owner.auth).expect(400)).body.error as string;

    it('a cursor that is not one', async () => {
      expect(await rejection({ cursor: 'garbage!' })).toBe(
        'cursor is malformed; use a next_cursor exactly as a list returned it',
      );
      expect(await rejection({ cursor: '' })).toBe(
        'cursor is malformed; use a next_cursor exactly as a list returned it',
      );
    });

    it('a tampered cursor', async () => {
      const cursor = await firstCursor({ sort: 'duration', order: 'asc' });
      const fields = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
      const tampered = (index: number, value: unknown): string =>
        Buffer.from(JSON.stringify(fields.map((field, i) => (i === index ? value : field)))).toString('base64url');

      for (const cursorValue of [tampered(3, 'sixty'), tampered(4, -1), tampered(5, 0), `${cursor.slice(0, -2)}`]) {
        expect(await rejection({ sort: 'duration', order: 'asc', cursor: cursorValue })).toBe(
          'cursor is malformed; use a next_cursor exactly as a list returned it',
        );
      }
    });

    it('a cursor made for another sort or order', async () => {
      const cursor = await firstCursor({ sort: 'title', order: 'desc' });

      expect(await rejection({ sort: 'title', order: 'asc', cursor })).toBe(
        'cursor belongs to sort=title&order=desc; send the same sort and order, or start again without a cursor',
      );
      expect(await rejection({ cursor })).toBe(
        'cursor belongs to sort=title&order=desc; send the same sort and order, or start again without a cursor',
      );
    });

    it('a cursor together with a page number, even page 1', async () => {
      const cursor = await firstCursor({});

      expect(await rejection({ cursor, page: 1 })).toBe('send either cursor or page, not both');
    });

    it('a cursor given twice', async () => {
      const response = await request(gateway.url)
        .get(`${videosPath(owner)}?cursor=a&cursor=b`)
        .set(owner.auth)
        .expect(400);

      expect(response.body.error).toBe('cursor must be a string');
    });
  });

  describe('deep page numbers of a larger library', () => {
    let big: TestUser;

    beforeAll(async () => {
      big = await registerUser(gateway.url);
      await createMany(big, 230);
    });

    // Pages 11 and 12 of 10 lie at least 100 videos from either end, so they are read by seeking from
    // an anchor; page 13 is the nearest to the end that is still read backwards from it.
    const deepPages = [11, 12, 13];

    it.each(ORDERINGS)('matches the cursor walk for sort=%s order=%s', async (sort, order) => {
      const walked = idsOf(await walkByCursor(big, { sort, order }, 10));

      for (const page of deepPages) {
        const body = await list(big, { sort, order, per_page: 10, page });
        expect(body.videos.map((video) => video.id)).toEqual(walked.slice((page - 1) * 10, page * 10));
        expect(body.pagination).toEqual({ page, per_page: 10, total: 230, pages: 23 });
        expect(body.next_cursor).not.toBeNull();
      }
    });

    it('follows writes that move videos, through any number of them', async () => {
      const middle = await list(big, { sort: 'duration', order: 'asc', per_page: 10, page: 12 });
      const moved = middle.videos[0];
      await request(gateway.url)
        .put(`${videosPath(big)}/${moved.id}`)
        .set(big.auth)
        .send({ duration: 99_999 })
        .expect(200);
      await request(gateway.url)
        .delete(`${videosPath(big)}/${middle.videos[1].id}`)
        .set(big.auth)
        .expect(200);

      const walked = idsOf(await walkByCursor(big, { sort: 'duration', order: 'asc' }, 10));
      for (const page of deepPages) {
        const body = await list(big, { sort: 'duration', order: 'asc', per_page: 10, page });
        expect(body.videos.map((video) => video.id)).toEqual(walked.slice((page - 1) * 10, page * 10));
      }
      expect(walked).toHaveLength(229);
      expect(walked[walked.length - 1]).toBe(moved.id);
    });
  });
});

/** The list order the API promises: by the sort key, ties broken by id, both in the requested direction. */
function expectedOrder(videos: ListedVideo[], sort: (typeof SORTS)[number], order: (typeof ORDERS)[number]): number[] {
  const key = (video: ListedVideo): string | number =>
    sort === 'title' ? video.title.toLowerCase() : sort === 'duration' ? video.duration : video.created_at;
  const sign = order === 'asc' ? 1 : -1;
  return [...videos]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id);
    })
    .map((video) => video.id);
}

function matches(filter: Query): (video: ListedVideo) => boolean {
  return (video) =>
    (filter.tag === undefined || video.tags.includes(String(filter.tag))) &&
    (filter.min_duration === undefined || video.duration >= Number(filter.min_duration)) &&
    (filter.max_duration === undefined || video.duration <= Number(filter.max_duration)) &&
    (filter.q === undefined || video.title.toLowerCase().includes(String(filter.q).toLowerCase()));
}
