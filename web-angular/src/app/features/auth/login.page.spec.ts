import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { SessionService } from '../../core/auth/session.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import LoginPage, { safeReturnUrl } from './login.page';

describe('LoginPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
      ],
    });
  });

  function fill(element: HTMLElement, email: string, password: string): void {
    const [emailInput, passwordInput] = Array.from(element.querySelectorAll('input'));
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
  }

  it('signs in, stores the session and goes to the return URL', () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentRef.setInput('returnUrl', '/dashboard');
    fixture.detectChanges();
    fill(fixture.nativeElement, 'dev@example.com', 'secret123');

    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/login');
    expect(request.request.body).toEqual({ email: 'dev@example.com', password: 'secret123' });
    request.flush({ user: { id: 2, email: 'dev@example.com', name: '' }, token: 'jwt' });

    expect(TestBed.inject(SessionService).token()).toBe('jwt');
    expect(navigate).toHaveBeenCalledWith('/dashboard');
  });

  it("shows the API's message when the credentials are wrong", async () => {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    fill(fixture.nativeElement, 'dev@example.com', 'nope');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/login')
      .flush({ error: 'Invalid credentials' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain('Invalid credentials');
  });

  it('does not send a request for an invalid form', () => {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    fill(fixture.nativeElement, 'not-an-email', '');
    TestBed.inject(HttpTestingController).expectNone('/api/v1/auth/login');
  });

  it('only returns to in-app paths', () => {
    expect(safeReturnUrl('/api-keys')).toBe('/api-keys');
    expect(safeReturnUrl('//evil.example')).toBe('/videos');
    expect(safeReturnUrl('https://evil.example')).toBe('/videos');
    expect(safeReturnUrl(undefined)).toBe('/videos');
  });
});
