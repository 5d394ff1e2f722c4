import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiTesting } from '../../../testing/api-testing';
import { CreatedApiKey } from '../../core/api/api.types';
import { CreateKeyFormComponent } from './create-key-form.component';
import { endOfLocalDay, localToday } from './key-input';

const CREATED: CreatedApiKey = {
  api_key: 'imaginario_live_secret',
  api_key_id: 'key-1',
  name: 'CI',
  created_at: '2026-12-04T10:00:00.000Z',
  rate_limit_per_minute: null,
  daily_quota: null,
  monthly_quota: null,
  permissions: ['search'],
  expires_at: null,
};

describe('CreateKeyFormComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = apiTesting();
  });

  afterEach(() => backend.verify());

  function render() {
    const fixture = TestBed.createComponent(CreateKeyFormComponent);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const fill = (name: string, value: string) => {
      const input = host.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const untick = (permission: string) =>
      host.querySelector<HTMLInputElement>(`[data-permission="${permission}"] input[type="checkbox"]`)!.click();
    const submit = () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit'));
      fixture.detectChanges();
    };
    return { fixture, host, fill, untick, submit };
  }

  it('ticks every permission by default and then sends none, so the key gets them all', () => {
    const { host, fill, submit } = render();
    const boxes = host.querySelectorAll<HTMLInputElement>('[data-testid="key-permissions"] input[type="checkbox"]');
    expect([...boxes].map((box) => box.checked)).toEqual([true, true, true, true, true]);

    fill('key-name', 'CI');
    submit();

    const post = backend.expectOne({ method: 'POST', url: '/api/v1/auth/api-keys' });
    expect(post.request.body).toEqual({ name: 'CI' });
    post.flush(CREATED);
  });

  it('sends the ticked permissions and the end of the chosen expiry day', () => {
    const { fill, untick, submit } = render();
    fill('key-name', 'reader');
    untick('videos:write');
    untick('analytics:read');
    untick('keys:manage');
    fill('key-expires-on', '2099-06-30');
    submit();

    const post = backend.expectOne({ method: 'POST', url: '/api/v1/auth/api-keys' });
    expect(post.request.body).toEqual({
      name: 'reader',
      permissions: ['search', 'videos:read'],
      expires_at: endOfLocalDay('2099-06-30'),
    });
    post.flush(CREATED);
  });

  it('ticks every permission again for the next key once one is created', () => {
    const { fixture, host, fill, untick, submit } = render();
    fill('key-name', 'reader');
    untick('keys:manage');
    submit();
    backend.expectOne('/api/v1/auth/api-keys').flush(CREATED);
    fixture.detectChanges();

    const boxes = host.querySelectorAll<HTMLInputElement>('[data-testid="key-permissions"] input[type="checkbox"]');
    expect([...boxes].every((box) => box.checked)).toBe(true);
  });

  it('asks for at least one permission and sends nothing without one', () => {
    const { host, fill, untick, submit } = render();
    fill('key-name', 'nothing');
    for (const permission of ['search', 'videos:read', 'videos:write', 'analytics:read', 'keys:manage']) {
      untick(permission);
    }
    submit();

    expect(host.textContent).toContain('Pick at least one permission');
    backend.expectNone('/api/v1/auth/api-keys');
  });

  it('refuses an expiry day in the past', () => {
    const { host, fill, submit } = render();
    fill('key-name', 'late');
    fill('key-expires-on', '2000-01-01');
    submit();

    expect(host.textContent).toContain('Pick today or a later day');
    backend.expectNone('/api/v1/auth/api-keys');
  });

  it('accepts today as the expiry day', () => {
    const { fill, submit } = render();
    fill('key-name', 'today');
    fill('key-expires-on', localToday());
    submit();

    const post = backend.expectOne('/api/v1/auth/api-keys');
    expect(post.request.body.expires_at).toBe(endOfLocalDay(localToday()));
    post.flush(CREATED);
  });

  it("shows the API's refusal beside the form", () => {
    const { host, fill, submit, fixture } = render();
    fill('key-name', 'CI');
    submit();

    backend
      .expectOne('/api/v1/auth/api-keys')
      .flush({ error: 'expires_at must be in the future' }, { status: 400, statusText: 'Bad Request' });
    fixture.detectChanges();

    expect(host.querySelector('[role="alert"]')?.textContent).toContain('expires_at must be in the future');
  });
});
