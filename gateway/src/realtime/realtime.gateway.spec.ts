import type { AuthService } from '../auth/auth.service';
import type { Revocations } from '../auth/credentials/revocations';
import type { AppConfig } from '../config/app.config';
import type { RedisConnections } from '../quotas/redis/redis-connections';
import type { RealtimeConfig } from './realtime.config';
import { RealtimeGateway } from './realtime.gateway';

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

describe(RealtimeGateway.name, () => {
  it('refuses a handshake it cannot check, rather than leave the failure unhandled', async () => {
    const auth = { authenticateToken: jest.fn().mockRejectedValue(new Error('database is locked')) };
    const sut = new RealtimeGateway(
      auth as unknown as AuthService,
      {} as Revocations,
      {} as RedisConnections,
      null,
      {} as RealtimeConfig,
      { corsOrigins: [] } as unknown as AppConfig,
    );
    const socket = socketWithToken('a-token');

    await expect(sut.handleConnection(socket as never)).resolves.toBeUndefined();

    expect(socket.emit).toHaveBeenCalledWith('auth_error', {
      error: 'Authentication is unavailable right now; try again',
    });
    expect(socket.disconnect).toHaveBeenCalled();
    expect(socket.join).not.toHaveBeenCalled();
  });
});
