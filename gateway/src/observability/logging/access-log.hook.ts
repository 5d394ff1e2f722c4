import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { HttpHook } from '../../common/http/http-hook';

/** Paths polled by orchestrators and scrapers: logging each poll would drown the real traffic. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  // The query string may carry a token (Socket.IO handshakes): it never reaches the log.
  return query < 0 ? url : url.slice(0, query);
}

/**
 * One JSON line per finished request: id, method, path (never the query), status and time. A
 * client's mistake (4xx) is routine traffic; only the server's own failures are errors.
 */
@Injectable()
export class AccessLogHook implements HttpHook {
  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.write(request, reply);
      done();
    });
  }

  private write(request: FastifyRequest, reply: FastifyReply): void {
    const path = pathOf(request.url);
    if (QUIET_PATHS.has(path)) {
      return;
    }
    const line = {
      reqId: request.id,
      req: { method: request.method, path, remoteAddress: request.ip },
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 1000) / 1000,
    };
    if (reply.statusCode >= 500) {
      PinoLogger.root.error(line, 'request errored');
    } else {
      PinoLogger.root.info(line, 'request completed');
    }
  }
}
