import { Provider } from '@nestjs/common';
import { RedisClient, RedisConnections } from '../quotas/redis/redis-connections';

export const SOCKET_REDIS_CLIENTS = Symbol('SOCKET_REDIS_CLIENTS');

/** The Socket.IO Redis adapter's publisher and subscriber; null without REDIS_URL. */
export interface SocketRedisClients {
  publisher: RedisClient;
  subscriber: RedisClient;
}

/**
 * Connected before the gateway is created, so the adapter is in place before the first socket
 * arrives: swapping adapters later would drop the rooms sockets had already joined.
 */
export const socketRedisClientsProvider: Provider = {
  provide: SOCKET_REDIS_CLIENTS,
  inject: [RedisConnections],
  useFactory: async (redis: RedisConnections): Promise<SocketRedisClients | null> => {
    if (!redis.enabled) {
      return null;
    }
    const [publisher, subscriber] = await Promise.all([
      redis.connect('socket.io publisher'),
      redis.connect('socket.io subscriber'),
    ]);
    return { publisher, subscriber };
  },
};
