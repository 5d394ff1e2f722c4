import { createServer } from 'node:http';

/**
 * The ceiling the REST figures are shares of: a bare Node `http` server answering a fixed page of
 * 20 videos, in its own process like the gateway. Prints its port once it listens.
 */
const page = JSON.stringify({
  videos: Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    title: `Video number ${i + 1}`,
    description: 'A short description of the video, about as long as the ones in the benchmark corpus.',
    duration: 120 + i,
    tags: ['bench', 'video'],
    created_at: '2026-12-01T00:00:00.000Z',
    updated_at: '2026-12-01T00:00:00.000Z',
  })),
  total: 20,
  page: 1,
  per_page: 20,
});

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(page);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
