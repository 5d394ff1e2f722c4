import type { ApiKeysService } from '../auth/api-keys/api-keys.service';
import type { AuthService } from '../auth/auth.service';
import type { Revocations } from '../auth/credentials/revocations';
import type { AppConfig } from '../config/app.config';
import type { RedisConnections } from '../quotas/redis/redis-connections';
import type { RealtimeConfig } from './realtime.config';
import { apiKeyRoom } from './realtime.events';
import { RealtimeGateway, RealtimeServer } from './realtime.gateway';

function socketWithToken(token: string) {
  return {
    id: 'socket-1',
    handshake: { auth: { token } },
    data: {},
    rooms: new Set(['socket-1']),
    disconnected: false,
    emit: jest.fn(),
    disconnect: jest.fn(),
    join: jest.fn(),
    leave: jest.fn(),
    once: jest.fn(),
  };
}

function gatewayWith(auth: Partial<AuthService>, apiKeys: Partial<ApiKeysService> = {}) {
  const listeners: { resync?: () => void } = {};
  const revocations = {
    onRevoked: jest.fn(),
    onResync: (listener: () => void) => (listeners.resync = listener),
  };
  const sut = new RealtimeGateway(
    auth as AuthService,
    apiKeys as ApiKeysService,
    revocations as unknown as Revocations,
    {} as RedisConnections,
    null,
    {} as RealtimeConfig,
    { corsOrigins: [] } as unknown as AppConfig,
  );
  return { sut, listeners };
}

describe(RealtimeGateway.name, () => {
  it('refuses a handshake it cannot check, rather than leave the failure unhandled', async () => {
    const { sut } = gatewayWith({ authenticateToken: jest.fn().mockRejectedValue(new Error('database is locked')) });
    const socket = socketWithToken('a-token');

    await expect(sut.handleConnection(socket as never)).resolves.toBeUndefined();

    expect(socket.emit).toHaveBeenCalledWith('auth_error', {
      error: 'Authentication is unavailable right now; try again',
    });
    expect(socket.disconnect).toHaveBeenCalled();
    expect(socket.join).not.toHaveBeenCalled();
  });

  it('ends the sockets of keys revoked while the revocation feed was down, once it is back', async () => {
    const isActive = jest.fn((apiKeyId: string) => Promise.resolve(apiKeyId === 'live-key'));
    const { sut, listeners } = gatewayWith({}, { isActive });
    const ended = { emit: jest.fn(), disconnectSockets: jest.fn() };
    const inRoom = jest.fn().mockReturnValue(ended);
    const sockets = [
      { data: { userId: 7, apiKeyId: 'live-key' } },
      { data: { userId: 7, apiKeyId: 'revoked-key' } },
      { data: { userId: 7, apiKeyId: 'revoked-key' } },
      { data: { userId: 8, apiKeyId: null } },
    ];
    const server = {
      local: { in: inRoom },
      sockets: { sockets: new Map(sockets.map((socket, i) => [`s${i}`, socket])) },
    } as unknown as RealtimeServer;
    sut.afterInit(server);

    listeners.resync?.();
    await new Promise((resolve) => setImmediate(resolve));

    expect(isActive.mock.calls).toEqual([
      ['live-key', 7],
      ['revoked-key', 7],
    ]);
    expect(inRoom.mock.calls).toEqual([[apiKeyRoom('revoked-key')]]);
    expect(ended.emit).toHaveBeenCalledWith('auth_error', { error: 'API key revoked' });
    expect(ended.disconnectSockets).toHaveBeenCalled();
  });
});
