import fastifyStatic from '@fastify/static';
import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HttpHook } from '../common/http/http-hook';

/** What the API, health, metrics and Socket.IO answer themselves: never the dashboard. */
const NOT_THE_DASHBOARD = /^\/(api|health|metrics|socket\.io)(\/|\?|$)/;

/**
 * The dashboard's files, each its own route (no wildcard lookup per request), and index.html for
 * any other GET so deep links work; unknown API paths still get the JSON 404.
 */
@Injectable()
export class DashboardHook implements HttpHook {
  private readonly root = dashboardBuildDir();

  register(fastify: FastifyInstance): void {
    if (!this.root) {
      return;
    }
    void fastify.register(fastifyStatic, { root: this.root, wildcard: false });
    fastify.get('*', (request: FastifyRequest, reply: FastifyReply) => {
      if (NOT_THE_DASHBOARD.test(request.url)) {
        reply.callNotFound();
        return reply;
      }
      return reply.sendFile('index.html');
    });
  }
}

function dashboardBuildDir(): string | null {
  const root = repositoryRoot(__dirname);
  const dir = root ? join(root, 'web-angular', 'dist', 'web-angular', 'browser') : null;
  return dir && existsSync(join(dir, 'index.html')) ? dir : null;
}

// Walks up from this file: the depth differs between src (ts-jest) and dist/gateway/gateway/src (tsc).
function repositoryRoot(start: string): string | null {
  let dir = start;
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'gateway'))) {
      return dir;
    }
    dir = dirname(dir);
  }
  return null;
}
