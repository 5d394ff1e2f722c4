import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { routes } from './app.routes';
import { SessionService } from './core/auth/session.service';
import { SOCKET_FACTORY } from './core/realtime/realtime.service';

describe('app routes', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
        {
          provide: SOCKET_FACTORY,
          useValue: () => ({ on: () => undefined, emit: () => undefined, disconnect: () => undefined }),
        },
      ],
    });
  });

  const signIn = () => TestBed.inject(SessionService).start({ token: 't', user: { id: 1, email: 'a@b.c', name: '' } });

  it('sends a signed-out visitor to /login with the page to return to', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fdashboard');
  });

  it('opens a protected page once signed in', async () => {
    signIn();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/videos');
    expect(TestBed.inject(Router).url).toBe('/videos');
    expect(harness.routeNativeElement?.textContent).toContain('Video library');
  });

  it('opens the relevance page once signed in', async () => {
    signIn();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/relevance');
    expect(TestBed.inject(Router).url).toBe('/relevance');
    expect(harness.routeNativeElement?.textContent).toContain('Zero-result doctor');
  });

  it('opens the request explorer', async () => {
    signIn();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/requests');
    expect(TestBed.inject(Router).url).toBe('/requests');
    expect(harness.routeNativeElement?.textContent).toContain('Live tail');
  });

  it('skips login and register when already signed in', async () => {
    signIn();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login');
    expect(TestBed.inject(Router).url).toBe('/videos');
    await harness.navigateByUrl('/register');
    expect(TestBed.inject(Router).url).toBe('/videos');
  });

  it('redirects unknown paths and the root to the library', async () => {
    signIn();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/nope');
    expect(TestBed.inject(Router).url).toBe('/videos');
  });
});
