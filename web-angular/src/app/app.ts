import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService } from './core/auth/session.service';
import { NotifyService } from './core/notify/notify.service';
import { RealtimeService } from './core/realtime/realtime.service';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  protected readonly session = inject(SessionService);
  protected readonly realtime = inject(RealtimeService);

  protected readonly links = [
    { path: '/videos', label: 'Videos' },
    { path: '/search', label: 'Search' },
    { path: '/relevance', label: 'Relevance' },
    { path: '/imports', label: 'Import' },
    { path: '/api-keys', label: 'API keys' },
    { path: '/webhooks', label: 'Webhooks' },
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/requests', label: 'Requests' },
    { path: '/system', label: 'System' },
  ];

  protected readonly liveTooltip = computed(() => {
    if (this.realtime.mode() === 'socket') {
      return 'Live updates over Socket.IO';
    }
    const reason = this.realtime.lastError();
    return `Socket unavailable${reason ? ` (${reason})` : ''}: views refresh by polling`;
  });

  constructor() {
    // On every page, not only the alerts tab: an alert matters most when nobody is looking at it.
    const notify = inject(NotifyService);
    this.realtime.alerts$.pipe(takeUntilDestroyed()).subscribe((alert) => {
      const text = `Alert ${alert.state}: ${alert.message}`;
      if (alert.state === 'firing') {
        notify.error(text);
      } else {
        notify.info(text);
      }
    });
  }

  protected logout(): void {
    this.session.end();
    void this.router.navigate(['/login']);
  }
}
