import { TestBed } from '@angular/core/testing';
import { SessionService } from '../auth/session.service';
import { RealtimeService, SOCKET_FACTORY } from './realtime.service';
import { JobUpdate, RealtimeSocket } from './realtime.types';

class FakeSocket implements RealtimeSocket {
  readonly handlers = new Map<string, (payload: never) => void>();
  readonly emitted: { event: string; payload?: unknown }[] = [];
  disconnected = false;

  on(event: string, listener: (payload: never) => void): this {
    this.handlers.set(event, listener);
    return this;
  }

  emit(event: string, payload?: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  disconnect(): this {
    this.disconnected = true;
    return this;
  }

  fire(event: string, payload?: unknown): void {
    this.handlers.get(event)?.(payload as never);
  }
}

describe('RealtimeService', () => {
  let sockets: { token: string; socket: FakeSocket }[];

  beforeEach(() => {
    sessionStorage.clear();
    sockets = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: SOCKET_FACTORY,
          useValue: (token: string) => {
            const socket = new FakeSocket();
            sockets.push({ token, socket });
            return socket;
          },
        },
      ],
    });
  });

  function signIn(token = 'jwt'): RealtimeService {
    TestBed.inject(SessionService).start({ token, user: { id: 1, email: 'a@b.c', name: '' } });
    const service = TestBed.inject(RealtimeService);
    TestBed.tick();
    return service;
  }

  it('stays in polling mode without a session', () => {
    const service = TestBed.inject(RealtimeService);
    TestBed.tick();
    expect(service.mode()).toBe('polling');
    expect(sockets).toHaveLength(0);
  });

  it('authenticates, subscribes to jobs and reports socket mode', () => {
    const service = signIn('jwt-9');
    expect(sockets[0].token).toBe('jwt-9');
    expect(service.mode()).toBe('connecting');

    sockets[0].socket.fire('connect');
    expect(sockets[0].socket.emitted[0]).toEqual({ event: 'authenticate', payload: { token: 'jwt-9' } });
    sockets[0].socket.fire('authenticated', { user_id: 1 });
    expect(sockets[0].socket.emitted.map((e) => e.event)).toContain('subscribe_jobs');
    expect(service.mode()).toBe('socket');
  });

  it('falls back to polling when the socket drops or auth is refused', () => {
    const service = signIn();
    const socket = sockets[0].socket;
    socket.fire('authenticated', { user_id: 1 });
    socket.fire('disconnect', 'transport close');
    expect(service.mode()).toBe('polling');

    socket.fire('authenticated', { user_id: 1 });
    socket.fire('auth_error', { error: 'Invalid token' });
    expect(service.mode()).toBe('polling');
    expect(service.lastError()).toBe('Invalid token');

    socket.fire('connect_error', new Error('xhr poll error'));
    expect(service.lastError()).toBe('xhr poll error');
  });

  it('relays job updates', () => {
    const service = signIn();
    const updates: JobUpdate[] = [];
    service.jobUpdates$.subscribe((update) => updates.push(update));
    sockets[0].socket.fire('job_update', { job_id: 'j', status: 'completed' });
    expect(updates).toEqual([{ job_id: 'j', status: 'completed' }]);
  });

  it('tails requests once authenticated, again after a reconnect, and relays batches and alerts', () => {
    const service = signIn();
    const socket = sockets[0].socket;
    const batches: unknown[] = [];
    const alerts: unknown[] = [];
    service.requestLogs$.subscribe((batch) => batches.push(batch));
    service.alerts$.subscribe((alert) => alerts.push(alert));

    service.tailRequests(true);
    expect(socket.emitted.map((e) => e.event)).not.toContain('subscribe_requests');
    socket.fire('authenticated', { user_id: 1 });
    socket.fire('disconnect', 'transport close');
    socket.fire('authenticated', { user_id: 1 });
    expect(socket.emitted.filter((e) => e.event === 'subscribe_requests')).toHaveLength(2);

    socket.fire('request_log', { requests: [], dropped: 3 });
    socket.fire('alert', { rule_id: 'r', state: 'firing' });
    expect(batches).toEqual([{ requests: [], dropped: 3 }]);
    expect(alerts).toEqual([{ rule_id: 'r', state: 'firing' }]);

    service.tailRequests(false);
    expect(socket.emitted.at(-1)).toEqual({ event: 'unsubscribe_requests', payload: undefined });
  });

  it('closes the socket on logout', () => {
    const service = signIn();
    TestBed.inject(SessionService).end();
    TestBed.tick();
    expect(sockets[0].socket.disconnected).toBe(true);
    expect(service.mode()).toBe('polling');
  });
});
