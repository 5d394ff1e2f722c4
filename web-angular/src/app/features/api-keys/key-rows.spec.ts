import { ApiKey } from '../../core/api/api.types';
import { keyStatus, toKeyRows } from './key-rows';

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
  permissions: ['search'],
  expires_at: null,
  expired: false,
  revoked_at: null,
  ...overrides,
});

describe('toKeyRows', () => {
  it('adds request counts, with zero for keys analytics has not seen', () => {
    const rows = toKeyRows([key('a'), key('b')], {
      api_keys: [
        {
          id: 'a',
          name: 'key a',
          is_active: true,
          last_used_at: null,
          requests: 7,
          errors: 1,
          error_rate: 1 / 7,
          share: 1,
        },
      ],
      most_used_id: 'a',
      least_used_id: 'b',
    });
    expect(rows.map((row) => [row.id, row.requests])).toEqual([
      ['a', 7],
      ['b', 0],
    ]);
  });

  it('marks counts unknown when analytics is unavailable', () => {
    expect(toKeyRows([key('a')], null)[0].requests).toBeNull();
  });

  it('says whether each key is active, expired or revoked', () => {
    const rows = toKeyRows(
      [
        key('a'),
        key('b', { expires_at: '2026-11-27T00:00:00Z', expired: true }),
        key('c', { is_active: false, revoked_at: '2026-11-28T00:00:00Z', expired: true }),
      ],
      null,
    );
    expect(rows.map((row) => row.status)).toEqual(['active', 'expired', 'revoked']);
  });

  it('says when a key holds every permission', () => {
    const all = key('all', { permissions: ['keys:manage', 'search', 'videos:read', 'videos:write', 'analytics:read'] });
    expect(toKeyRows([all, key('one')], null).map((row) => row.hasAllPermissions)).toEqual([true, false]);
  });
});

describe('keyStatus', () => {
  it('calls a revoked key revoked even before revoked_at is known', () => {
    expect(keyStatus({ is_active: false, revoked_at: null, expired: false })).toBe('revoked');
  });
});
