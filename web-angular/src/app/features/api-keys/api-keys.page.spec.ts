import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiTesting } from '../../../testing/api-testing';
import { ApiKey, ApiKeyAnalytics } from '../../core/api/api.types';
import ApiKeysPage from './api-keys.page';

const key = (id: string, overrides: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: `key ${id}`,
  is_active: true,
  created_at: '2026-11-26T10:00:00Z',
  last_used_at: null,
  prefix: `imaginario_live_${id}`,
  rate_limit_per_minute: null,
  daily_quota: null,
  monthly_quota: null,
  permissions: ['search', 'videos:read', 'videos:write', 'analytics:read', 'keys:manage'],
  expires_at: null,
  expired: false,
  revoked_at: null,
  ...overrides,
});

const LIVE = [
  key('all'),
  key('reader', { permissions: ['search', 'videos:read'], expires_at: '2099-01-31T12:00:00Z' }),
  key('old', { permissions: ['search'], expires_at: '2026-11-27T10:00:00Z', expired: true }),
];
const REVOKED = key('gone', { is_active: false, revoked_at: '2026-11-28T09:30:00Z' });
const NO_USAGE: ApiKeyAnalytics = { api_keys: [], most_used_id: null, least_used_id: null };

describe('ApiKeysPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = apiTesting();
  });

  const keyList = (): TestRequest => backend.expectOne((request) => request.url === '/api/v1/auth/api-keys');

  function render() {
    const fixture = TestBed.createComponent(ApiKeysPage);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const answer = async (keys: ApiKey[], list = keyList()) => {
      list.flush({ api_keys: keys });
      backend.expectOne((request) => request.url === '/api/v1/analytics/api-keys').flush(NO_USAGE);
      await fixture.whenStable();
      fixture.detectChanges();
      return list;
    };
    const row = (id: string) => host.querySelector<HTMLElement>(`[data-key-id="${id}"]`)!;
    const text = (id: string, testId: string) =>
      row(id).querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    return { fixture, host, answer, row, text };
  }

  it('shows each key with its permissions as chips (one for all of them), its expiry and whether it has expired', async () => {
    const { answer, row, text } = render();
    const list = await answer(LIVE);

    expect(list.request.params.has('include_revoked')).toBe(false);
    const chips = (id: string) => [...row(id).querySelectorAll('.chip')].map((chip) => chip.textContent?.trim());
    expect(chips('all')).toEqual(['all permissions']);
    expect(chips('reader')).toEqual(['search', 'videos:read']);
    expect(text('all', 'key-expires')).toBe('Never');
    expect(text('reader', 'key-expires')).toContain('2099');
    expect(text('reader', 'key-status')).toBe('Active');
    expect(row('old').querySelector('[data-testid="key-status"]')?.getAttribute('data-status')).toBe('expired');
    expect(text('old', 'key-status')).toBe('Expired');
    // An expired key can still be revoked, which takes it off the list of live keys.
    expect(row('old').textContent).toContain('Revoke');
  });

  it('lists revoked keys with when they were revoked once "Show revoked keys" is on, and hides them again', async () => {
    const { fixture, host, answer, row, text } = render();
    await answer(LIVE);

    host.querySelector<HTMLButtonElement>('[data-testid="show-revoked"] button')!.click();
    fixture.detectChanges();
    const withRevoked = await answer([...LIVE, REVOKED]);

    expect(withRevoked.request.params.get('include_revoked')).toBe('true');
    expect(text('gone', 'key-status')).toBe('Revoked');
    expect(row('gone').textContent).toContain('Nov 28, 2026');
    expect([...row('gone').querySelectorAll('button')].map((button) => button.textContent?.trim())).toEqual(['Usage']);

    host.querySelector<HTMLButtonElement>('[data-testid="show-revoked"] button')!.click();
    fixture.detectChanges();
    const liveOnly = await answer(LIVE);
    expect(liveOnly.request.params.has('include_revoked')).toBe(false);
    expect(host.querySelector('[data-key-id="gone"]')).toBeNull();
  });
});
