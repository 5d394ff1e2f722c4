import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { AlertsService, toEventDto } from '../alerts/alerts.service';
import { analyticsRoom } from './realtime.events';
import { RealtimeGateway } from './realtime.gateway';

/** Sends each alert state change to its user's sockets, once: only the gateway that recorded it emits. */
@Injectable()
export class AlertEventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    private readonly alerts: AlertsService,
    private readonly gateway: RealtimeGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.alerts.changes$.subscribe((event) =>
      this.gateway.server.to(analyticsRoom(event.userId)).emit('alert', toEventDto(event)),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
