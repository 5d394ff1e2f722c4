import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { ApiError } from '../http/api-error';
import { errorInterceptor } from '../http/error.interceptor';
import { authInterceptor } from './auth.interceptor';
import { SessionService } from './session.service';

describe('auth and error interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: SessionService;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
    router = TestBed.inject(Router);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls once signed in', () => {
    session.start({ token: 'jwt-1', user: { id: 7, email: 'a@b.c', name: '' } });
    http.get('/api/v1/auth/me').subscribe();
    expect(backend.expectOne('/api/v1/auth/me').request.headers.get('Authorization')).toBe('Bearer jwt-1');
  });

  it('sends no token to login or when signed out', () => {
    http.get('/api/v1/videos').subscribe({ error: () => undefined });
    expect(backend.expectOne('/api/v1/videos').request.headers.has('Authorization')).toBe(false);
    session.start({ token: 'jwt-1', user: { id: 7, email: 'a@b.c', name: '' } });
    http.post('/api/v1/auth/login', {}).subscribe();
    expect(backend.expectOne('/api/v1/auth/login').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session and redirects to /login on 401', () => {
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    session.start({ token: 'stale', user: { id: 7, email: 'a@b.c', name: '' } });
    let failure: unknown;
    http.get('/api/v1/auth/me').subscribe({ error: (error: unknown) => (failure = error) });
    backend
      .expectOne('/api/v1/auth/me')
      .flush({ error: 'Authentication required' }, { status: 401, statusText: 'Unauthorized' });

    expect(session.isAuthenticated()).toBe(false);
    expect(sessionStorage.length).toBe(0);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.anything() }));
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe('Authentication required');
  });

  it('does not report an expired session for a 401 after logout', () => {
    const navigate = vi.spyOn(router, 'navigate');
    http.get('/api/v1/analytics/usage').subscribe({ error: () => undefined });
    backend
      .expectOne('/api/v1/analytics/usage')
      .flush({ error: 'Authentication required' }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not redirect when the login itself answers 401', () => {
    const navigate = vi.spyOn(router, 'navigate');
    let failure: unknown;
    http.post('/api/v1/auth/login', {}).subscribe({ error: (error: unknown) => (failure = error) });
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ error: 'Invalid credentials' }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
    expect((failure as ApiError).message).toBe('Invalid credentials');
  });

  it('turns other failures into readable ApiErrors', () => {
    let failure: unknown;
    http.post('/api/v1/users/7/videos', {}).subscribe({ error: (error: unknown) => (failure = error) });
    backend
      .expectOne('/api/v1/users/7/videos')
      .flush({ error: 'title must not be empty' }, { status: 400, statusText: 'Bad Request' });
    expect(failure).toEqual(expect.objectContaining({ status: 400, message: 'title must not be empty' }));
  });
});
