import { DestroyRef, effect, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { io } from 'socket.io-client';
import { SessionService } from '../auth/session.service';
import { AlertUpdate, AnalyticsUpdate, JobUpdate, LiveMode, RealtimeSocket, RequestLogBatch } from './realtime.types';

export type SocketFactory = (token: string) => RealtimeSocket;

export const SOCKET_FACTORY = new InjectionToken<SocketFactory>('SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (token: string) =>
    io({ path: '/socket.io', auth: { token }, reconnectionDelayMax: 10_000, timeout: 5_000 }),
});

/**
 * One Socket.IO connection per signed-in session. `mode` says whether live events are flowing;
 * views fall back to polling whenever it is not `socket`.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly createSocket = inject(SOCKET_FACTORY);
  private readonly session = inject(SessionService);
  private socket: RealtimeSocket | null = null;
  private readonly modeSubject = new BehaviorSubject<LiveMode>('polling');
  private readonly jobUpdateSubject = new Subject<JobUpdate>();
  private readonly analyticsSubject = new Subject<AnalyticsUpdate>();
  private readonly requestLogSubject = new Subject<RequestLogBatch>();
  private readonly alertSubject = new Subject<AlertUpdate>();
  private tailing = false;

  readonly mode = signal<LiveMode>('polling');
  readonly lastError = signal<string | null>(null);
  readonly mode$: Observable<LiveMode> = this.modeSubject.asObservable();
  readonly jobUpdates$: Observable<JobUpdate> = this.jobUpdateSubject.asObservable();
  readonly analyticsUpdates$: Observable<AnalyticsUpdate> = this.analyticsSubject.asObservable();
  readonly requestLogs$: Observable<RequestLogBatch> = this.requestLogSubject.asObservable();
  readonly alerts$: Observable<AlertUpdate> = this.alertSubject.asObservable();

  constructor() {
    effect(() => {
      const token = this.session.token();
      this.close();
      if (token) {
        this.open(token);
      }
    });
    inject(DestroyRef).onDestroy(() => this.close());
  }

  private open(token: string): void {
    this.setMode('connecting');
    const socket = this.createSocket(token);
    this.socket = socket;
    socket.on('connect', () => socket.emit('authenticate', { token }));
    socket.on('authenticated', () => {
      socket.emit('subscribe_jobs');
      if (this.tailing) {
        socket.emit('subscribe_requests');
      }
      this.lastError.set(null);
      this.setMode('socket');
    });
    socket.on('auth_error', (payload: { error?: string }) => {
      this.lastError.set(payload?.error ?? 'Live updates were refused');
      this.setMode('polling');
    });
    socket.on('connect_error', (error: Error) => {
      this.lastError.set(error?.message ?? 'Cannot connect for live updates');
      this.setMode('polling');
    });
    socket.on('disconnect', () => this.setMode('polling'));
    socket.on('job_update', (update: JobUpdate) => this.jobUpdateSubject.next(update));
    socket.on('analytics_update', (update: AnalyticsUpdate) => this.analyticsSubject.next(update));
    socket.on('request_log', (batch: RequestLogBatch) => this.requestLogSubject.next(batch));
    socket.on('alert', (alert: AlertUpdate) => this.alertSubject.next(alert));
  }

  /** Starts or stops the live tail of the user's requests; kept across reconnects, which lose the room. */
  tailRequests(on: boolean): void {
    this.tailing = on;
    if (this.mode() === 'socket') {
      this.socket?.emit(on ? 'subscribe_requests' : 'unsubscribe_requests');
    }
  }

  private close(): void {
    if (this.socket) {
      this.socket.disconnect();
      this.socket = null;
    }
    this.setMode('polling');
  }

  private setMode(mode: LiveMode): void {
    this.mode.set(mode);
    this.modeSubject.next(mode);
  }
}
