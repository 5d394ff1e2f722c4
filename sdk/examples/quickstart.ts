/**
 * Registers a user, creates an API key, adds a video, lists the library and searches it.
 *
 *   npm start                                   # a gateway on http://localhost:5000
 *   npx ts-node sdk/examples/quickstart.ts [base-url]
 */
import {
  apiKeysControllerCreate,
  authControllerRegister,
  createClient,
  errorMessage,
  searchControllerSearch,
  videosControllerCreate,
  videosControllerList,
} from '../src';

async function main(baseUrl: string): Promise<void> {
  const anonymous = createClient({ baseUrl });
  const email = `quickstart-${Date.now()}@example.com`;
  const registered = await authControllerRegister({
    client: anonymous,
    body: { email, password: 'correct horse battery', name: 'Quickstart' },
    throwOnError: true,
  });
  const userId = registered.data.user.id;

  const withToken = createClient({ baseUrl, token: registered.data.token });
  const key = await apiKeysControllerCreate({ client: withToken, body: { name: 'quickstart' }, throwOnError: true });

  const client = createClient({ baseUrl, apiKey: key.data.api_key });
  await videosControllerCreate({
    client,
    path: { userId },
    body: {
      title: 'Pasta carbonara masterclass',
      description: 'Eggs, pecorino, guanciale',
      duration: 540,
      tags: ['food'],
    },
    throwOnError: true,
  });

  const list = await videosControllerList({ client, path: { userId }, query: { sort: 'title', order: 'asc' } });
  if (list.error) {
    throw new Error(errorMessage(list.error));
  }
  console.log(
    `${list.data.pagination.total} video(s):`,
    list.data.videos.map((video) => video.title),
  );

  const search = await searchControllerSearch({ client, path: { userId }, body: { query: 'pasta carbonra' } });
  if (search.error) {
    // e.g. 503 with Retry-After while the search service is away
    console.log('search refused:', search.response?.status, errorMessage(search.error));
  } else {
    console.log('search answered', search.response?.status, JSON.stringify(search.data, null, 2));
  }

  // A 4xx resolves with `error` set to the gateway's { error: "..." }.
  const bad = await videosControllerCreate({ client, path: { userId }, body: { title: '' } });
  console.log('an empty title is refused:', bad.response?.status, errorMessage(bad.error));
}

main(process.argv[2] ?? 'http://localhost:5000').catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
