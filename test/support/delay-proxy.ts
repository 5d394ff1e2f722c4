import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface DelayProxy {
  /** `127.0.0.1:port`, to use instead of the upstream address. */
  url: string;
  /** Delay, in ms, applied to every chunk travelling in either direction from now on. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy that holds every chunk for a set delay before passing it on, in order: a slow network
 * or a slow service, for any protocol (here gRPC over HTTP/2), with no change to the product.
 */
export async function startDelayProxy(upstreamHost: string, upstreamPort: number): Promise<DelayProxy> {
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const pending = new Set<NodeJS.Timeout>();
  const later = (action: () => void, ms: number) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      action();
    }, ms);
    pending.add(timer);
  };
  const relay = (from: Socket, to: Socket) => {
    // Never before an earlier chunk, even when the delay has just been lowered: the byte order must hold.
    let lastReleaseAt = 0;
    from.on('data', (chunk: Buffer) => {
      const releaseAt = Math.max(Date.now() + delayMs, lastReleaseAt);
      lastReleaseAt = releaseAt;
      later(() => {
        if (!to.destroyed) {
          to.write(chunk);
        }
      }, releaseAt - Date.now());
    });
    from.on('close', () => later(() => to.destroy(), Math.max(0, lastReleaseAt - Date.now())));
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: upstreamHost, port: upstreamPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `127.0.0.1:${port}`,
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) {
          clearTimeout(timer);
        }
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
