import Fastify from 'fastify';
import { RouteMethods } from './route-methods';

describe(RouteMethods.name, () => {
  async function routesOf(register: (fastify: ReturnType<typeof Fastify>) => void): Promise<RouteMethods> {
    const fastify = Fastify();
    const routes = new RouteMethods(100);
    routes.track(fastify);
    register(fastify);
    await fastify.ready();
    await fastify.close();
    return routes;
  }

  it('lists the methods a concrete path is served with, whatever its query', async () => {
    const routes = await routesOf((fastify) => {
      fastify.get('/users/:id/videos', () => 'list');
      fastify.post('/users/:id/videos', () => 'create');
      fastify.delete('/users/:id/videos/:videoId', () => 'delete');
    });

    expect(routes.allowedFor('/users/7/videos?page=2')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedFor('/users/7/videos/9')).toEqual(['DELETE']);
  });

  it('knows no method for a path only a wildcard route matches', async () => {
    const routes = await routesOf((fastify) => {
      fastify.get('*', () => 'index.html');
      fastify.options('*', () => '');
    });

    expect(routes.allowedFor('/anything')).toEqual([]);
  });
});
