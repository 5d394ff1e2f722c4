import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, Socket } from 'socket.io';
import { ApiKeysService } from '../auth/api-keys/api-keys.service';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Revocations } from '../auth/credentials/revocations';
import { lacksPermissionMessage } from '../auth/permissions/permission.guard';
import { appConfig, AppConfig } from '../config/app.config';
import { RedisConnections } from '../quotas/redis/redis-connections';
import { realtimeConfig, RealtimeConfig } from './realtime.config';
import {
  ANALYTICS_ROOM,
  apiKeyRoom,
  ClientToServerEvents,
  InterServerEvents,
  JOBS_ROOM,
  REQUESTS_ROOM,
  roomsAllowed,
  ServerToClientEvents,
  SocketData,
  SubscriptionAck,
  UserRoom,
} from './realtime.events';
import { socketCorsOrigin, useSocketCorsOrigins } from './socket-cors';
import { SOCKET_REDIS_CLIENTS, SocketRedisClients } from './socket-redis.provider';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** setTimeout's longest delay; a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Socket.IO on the gateway's port. A socket authenticates with a JWT or API key (handshake
 * `auth.token` or the `authenticate` event) and receives what its credential may read over REST:
 * analytics updates and alerts with `analytics:read`, the user's job updates after `subscribe_jobs`
 * with `search`, the live tail of their requests after `subscribe_requests` with `analytics:read`.
 * A bad token gets `auth_error` and is disconnected, and so is a socket whose credential expires, and
 * every socket of an API key when it is revoked, on whichever gateway (or, if this gateway's revocation
 * feed was down then, once it is back).
 */
@WebSocketGateway({ cors: { origin: socketCorsOrigin, credentials: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  /** By socket id: the timer that ends the socket when its credential expires. */
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  @WebSocketServer()
  server: RealtimeServer;

  constructor(
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly revocations: Revocations,
    private readonly redis: RedisConnections,
    @Inject(SOCKET_REDIS_CLIENTS) private readonly redisClients: SocketRedisClients | null,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    useSocketCorsOrigins(app.corsOrigins);
  }

  afterInit(server: RealtimeServer): void {
    // Each gateway hears every revocation itself, so it ends only its own sockets.
    this.revocations.onRevoked((apiKeyId) => this.endSessionsOf(server, apiKeyId));
    this.revocations.onResync(() => void this.recheckApiKeys(server));
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

  handleDisconnect(socket: RealtimeSocket): void {
    this.clearExpiry(socket);
  }

  @SubscribeMessage('authenticate')
  async onAuthenticate(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<void> {
    const token = typeof payload === 'object' && payload !== null ? (payload as { token?: unknown }).token : undefined;
    await this.authenticate(socket, token);
  }

  @SubscribeMessage('subscribe_jobs')
  onSubscribeJobs(@ConnectedSocket() socket: RealtimeSocket): Promise<SubscriptionAck> {
    return this.subscribe(socket, JOBS_ROOM);
  }

  @SubscribeMessage('unsubscribe_jobs')
  onUnsubscribeJobs(@ConnectedSocket() socket: RealtimeSocket): Promise<SubscriptionAck> {
    return this.unsubscribe(socket, JOBS_ROOM);
  }

  @SubscribeMessage('subscribe_requests')
  onSubscribeRequests(@ConnectedSocket() socket: RealtimeSocket): Promise<SubscriptionAck> {
    return this.subscribe(socket, REQUESTS_ROOM);
  }

  @SubscribeMessage('unsubscribe_requests')
  onUnsubscribeRequests(@ConnectedSocket() socket: RealtimeSocket): Promise<SubscriptionAck> {
    return this.unsubscribe(socket, REQUESTS_ROOM);
  }

  private async subscribe(socket: RealtimeSocket, room: UserRoom): Promise<SubscriptionAck> {
    const { userId, permissions } = socket.data;
    if (userId === undefined) {
      socket.emit('auth_error', { error: 'Authentication required' });
      return { subscribed: false };
    }
    if (!permissions?.includes(room.permission)) {
      return { subscribed: false, error: lacksPermissionMessage({ forcedFilters: null }, room.permission) };
    }
    await socket.join(room.name(userId));
    return { subscribed: true };
  }

  private async unsubscribe(socket: RealtimeSocket, room: UserRoom): Promise<SubscriptionAck> {
    const userId = socket.data.userId;
    if (userId !== undefined) {
      await socket.leave(room.name(userId));
    }
    return { subscribed: false };
  }

  private async authenticate(socket: RealtimeSocket, token: unknown): Promise<void> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      this.reject(socket, 'A token is required');
      return;
    }
    let user: AuthenticatedUser | null;
    let expiresAt: Date | null;
    try {
      user = await this.auth.authenticateToken(token);
      expiresAt = user ? await this.auth.expiryOf(user, token) : null;
    } catch (error) {
      // Nothing awaits a connection handler: a database failure here would otherwise crash the gateway.
      this.logger.warn(`Could not authenticate a socket: ${error instanceof Error ? error.message : String(error)}`);
      this.reject(socket, 'Authentication is unavailable right now; try again');
      return;
    }
    if (!user) {
      this.reject(socket, 'Invalid or expired token');
      return;
    }
    socket.data = { userId: user.id, permissions: user.permissions, apiKeyId: user.apiKeyId };
    // Authenticating again may change the user, the key or the permissions: keep only what the new credential allows.
    const allowed = roomsAllowed(socket.data);
    for (const room of [...socket.rooms]) {
      if (room !== socket.id && !allowed.has(room)) {
        await socket.leave(room);
      }
    }
    if (allowed.has(ANALYTICS_ROOM.name(user.id))) {
      await socket.join(ANALYTICS_ROOM.name(user.id));
    }
    if (user.apiKeyId) {
      await socket.join(apiKeyRoom(user.apiKeyId));
    }
    this.endAtExpiry(socket, expiresAt, user.apiKeyId ? 'API key expired' : 'Token expired');
    socket.emit('authenticated', { user_id: user.id });
  }

  private endSessionsOf(server: RealtimeServer, apiKeyId: string): void {
    const sockets = server.local.in(apiKeyRoom(apiKeyId));
    sockets.emit('auth_error', { error: 'API key revoked' });
    sockets.disconnectSockets();
  }

  /** After a gap in the revocation feed: ends this gateway's sockets whose key was revoked meanwhile. */
  private async recheckApiKeys(server: RealtimeServer): Promise<void> {
    const keys = new Map<string, number>();
    for (const socket of server.sockets.sockets.values()) {
      const { apiKeyId, userId } = socket.data;
      if (apiKeyId && userId !== undefined) {
        keys.set(apiKeyId, userId);
      }
    }
    for (const [apiKeyId, userId] of keys) {
      try {
        if (!(await this.apiKeys.isActive(apiKeyId, userId))) {
          this.endSessionsOf(server, apiKeyId);
        }
      } catch (error) {
        this.logger.warn(
          `Could not recheck API key ${apiKeyId}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** Replaces the timer of the socket's previous credential, if any. */
  private endAtExpiry(socket: RealtimeSocket, expiresAt: Date | null, error: string): void {
    this.clearExpiry(socket);
    if (!expiresAt || socket.disconnected) {
      return;
    }
    const wait = (): void => {
      const left = expiresAt.getTime() - Date.now();
      if (left <= 0) {
        this.reject(socket, error);
        return;
      }
      this.expiryTimers.set(socket.id, setTimeout(wait, Math.min(left, MAX_TIMER_MS)).unref());
    };
    wait();
  }

  private clearExpiry(socket: RealtimeSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  private reject(socket: RealtimeSocket, error: string): void {
    socket.emit('auth_error', { error });
    // A namespace-level disconnect goes out after the auth_error packet and stops client reconnects.
    socket.disconnect();
  }
}
