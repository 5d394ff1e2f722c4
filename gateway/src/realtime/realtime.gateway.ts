import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { appConfig, AppConfig } from '../config/app.config';
import { RedisConnections } from '../quotas/redis/redis-connections';
import { realtimeConfig, RealtimeConfig } from './realtime.config';
import {
  ClientToServerEvents,
  InterServerEvents,
  jobsRoom,
  requestsRoom,
  ServerToClientEvents,
  SocketData,
  userRoom,
} from './realtime.events';
import { socketCorsOrigin, useSocketCorsOrigins } from './socket-cors';
import { SOCKET_REDIS_CLIENTS, SocketRedisClients } from './socket-redis.provider';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Socket.IO on the gateway's port. A socket authenticates with a JWT or API key (handshake
 * `auth.token` or the `authenticate` event), then joins its user's room; `subscribe_jobs` adds
 * the user's job room and `subscribe_requests` the live tail of their requests. A bad token gets
 * `auth_error` and is disconnected.
 */
@WebSocketGateway({ cors: { origin: socketCorsOrigin, credentials: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server: RealtimeServer;

  constructor(
    private readonly auth: AuthService,
    private readonly redis: RedisConnections,
    @Inject(SOCKET_REDIS_CLIENTS) private readonly redisClients: SocketRedisClients | null,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    useSocketCorsOrigins(app.corsOrigins);
  }

  afterInit(server: RealtimeServer): void {
    if (!this.redisClients) {
      return;
    }
    const { publisher, subscriber } = this.redisClients;
    server.adapter(createAdapter(publisher, subscriber, { key: `${this.redis.keyPrefix}socket.io` }));
    this.logger.log('Socket.IO rooms are shared through Redis');
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (token !== undefined) {
      await this.authenticate(socket, token);
      return;
    }
    const timer = setTimeout(() => {
      if (socket.data.userId === undefined) {
        this.reject(socket, 'Authentication timed out');
      }
    }, this.config.authTimeoutMs);
    socket.once('disconnect', () => clearTimeout(timer));
  }

  @SubscribeMessage('authenticate')
  async onAuthenticate(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<void> {
    const token = typeof payload === 'object' && payload !== null ? (payload as { token?: unknown }).token : undefined;
    await this.authenticate(socket, token);
  }

  @SubscribeMessage('subscribe_jobs')
  async onSubscribeJobs(@ConnectedSocket() socket: RealtimeSocket): Promise<{ subscribed: boolean }> {
    const userId = socket.data.userId;
    if (userId === undefined) {
      socket.emit('auth_error', { error: 'Authentication required' });
      return { subscribed: false };
    }
    await socket.join(jobsRoom(userId));
    return { subscribed: true };
  }

  @SubscribeMessage('unsubscribe_jobs')
  async onUnsubscribeJobs(@ConnectedSocket() socket: RealtimeSocket): Promise<{ subscribed: boolean }> {
    const userId = socket.data.userId;
    if (userId !== undefined) {
      await socket.leave(jobsRoom(userId));
    }
    return { subscribed: false };
  }

  @SubscribeMessage('subscribe_requests')
  async onSubscribeRequests(@ConnectedSocket() socket: RealtimeSocket): Promise<{ subscribed: boolean }> {
    const userId = socket.data.userId;
    if (userId === undefined) {
      socket.emit('auth_error', { error: 'Authentication required' });
      return { subscribed: false };
    }
    await socket.join(requestsRoom(userId));
    return { subscribed: true };
  }

  @SubscribeMessage('unsubscribe_requests')
  async onUnsubscribeRequests(@ConnectedSocket() socket: RealtimeSocket): Promise<{ subscribed: boolean }> {
    const userId = socket.data.userId;
    if (userId !== undefined) {
      await socket.leave(requestsRoom(userId));
    }
    return { subscribed: false };
  }

  private async authenticate(socket: RealtimeSocket, token: unknown): Promise<void> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      this.reject(socket, 'A token is required');
      return;
    }
    const user = await this.auth.authenticateToken(token);
    if (!user) {
      this.reject(socket, 'Invalid or expired token');
      return;
    }
    if (socket.data.userId !== undefined && socket.data.userId !== user.id) {
      await socket.leave(userRoom(socket.data.userId));
      await socket.leave(jobsRoom(socket.data.userId));
      await socket.leave(requestsRoom(socket.data.userId));
    }
    socket.data.userId = user.id;
    await socket.join(userRoom(user.id));
    socket.emit('authenticated', { user_id: user.id });
  }

  private reject(socket: RealtimeSocket, error: string): void {
    socket.emit('auth_error', { error });
    // A namespace-level disconnect goes out after the auth_error packet and stops client reconnects.
    socket.disconnect();
  }
}
