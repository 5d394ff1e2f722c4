import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** Below the usual 30 s an orchestrator allows between SIGTERM and SIGKILL, leaving time for the hooks. */
export const DRAIN_TIMEOUT_MS = 20_000;
const DRAIN_POLL_MS = 25;

/**
 * SIGTERM/SIGINT shut the gateway down in the order that loses nothing: stop accepting connections,
 * let the requests in flight finish (bounded), and only then run Nest's shutdown hooks, which flush
 * the request log and drain the outbox while the database and the gRPC client are still open. Nest's
 * own signal handling would run the hooks while requests are still arriving, and re-raise the signal
 * instead of exiting 0.
 */
export function installGracefulShutdown(app: INestApplication, logger: LoggerService): void {
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  server.on('request', (_request, response: { once(event: 'close', listener: () => void): void }) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
    });
  });

  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    logger.log(`${signal}: draining ${inFlight} request(s) in flight`, 'Shutdown');
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (inFlight > 0 && Date.now() < deadline) {
      await sleep(DRAIN_POLL_MS);
    }
    if (inFlight > 0) {
      logger.warn(`${inFlight} request(s) still in flight after ${DRAIN_TIMEOUT_MS} ms; closing anyway`, 'Shutdown');
    }
    await app.close();
    logger.log('Shut down cleanly', 'Shutdown');
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutDown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`, 'Shutdown');
          process.exit(1);
        },
      );
    });
  }
}
