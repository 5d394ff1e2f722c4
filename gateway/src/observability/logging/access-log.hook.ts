import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { HttpHook } from '../../common/http/http-hook';

/** Paths polled by orchestrators and scrapers: logging each poll would drown the real traffic. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  // The query string may carry a token (Socket.IO handshakes): it never reaches the log.
  return query < 0 ? url : url.slice(0, query);
}

type AccessLine = {
  reqId: string;
  req: { method: string; path: string; remoteAddress: string };
  res: { statusCode: number };
  responseTime?: number;
};

/** The fields of a request's access-log line; the path never carries the query. */
export function accessLineOf(request: FastifyRequest, statusCode: number): AccessLine {
  return {
    reqId: request.id,
    req: { method: request.method, path: pathOf(request.url), remoteAddress: request.ip },
    res: { statusCode },
  };
}

/**
 * One JSON line per finished request: id, method, path (never the query), status and time. A
 * client's mistake (4xx) is routine traffic; only the server's own failures are errors.
 */
@Injectable()
export class AccessLogHook implements HttpHook {
  private accessLines?: Logger;

  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.write(request, reply);
      done();
    });
  }

  /**
   * The root logger's redaction looks for secrets in every line, half the cost of writing this one. Its fields are
   * chosen here and hold none (the path never carries the query), so it goes through a child that redacts nothing,
   * made at the first line: nestjs-pino sets up the root logger after the hooks are registered.
   */
  private get lines(): Logger {
    this.accessLines ??= PinoLogger.root.child({}, { redact: [] });
    return this.accessLines;
  }

  private write(request: FastifyRequest, reply: FastifyReply): void {
    const line = accessLineOf(request, reply.statusCode);
    if (QUIET_PATHS.has(line.req.path)) {
      return;
    }
    line.responseTime = Math.round(reply.elapsedTime * 1000) / 1000;
    if (reply.statusCode >= 500) {
      this.lines.error(line, 'request errored');
    } else {
      this.lines.info(line, 'request completed');
    }
  }
}
