import { API_KEY_PERMISSIONS, ApiKey, ApiKeyAnalytics } from '../../core/api/api.types';

/** Revoked wins over expired: a revoked key never authenticates again, whatever its expiry. */
export type KeyStatus = 'active' | 'expired' | 'revoked';

export interface KeyRow extends ApiKey {
  status: KeyStatus;
  /** Shown as one "all permissions" chip rather than five. */
  hasAllPermissions: boolean;
  /** null when analytics could not be read, so the table says "unknown" rather than 0. */
  requests: number | null;
  errors: number | null;
  share: number | null;
}

export function keyStatus(key: Pick<ApiKey, 'is_active' | 'revoked_at' | 'expired'>): KeyStatus {
  if (!key.is_active || key.revoked_at !== null) {
    return 'revoked';
  }
  return key.expired ? 'expired' : 'active';
}

/** Joins the key list with its usage numbers; keys missing from analytics have made no requests. */
export function toKeyRows(keys: ApiKey[], analytics: ApiKeyAnalytics | null): KeyRow[] {
  const usage = new Map((analytics?.api_keys ?? []).map((row) => [row.id, row]));
  return keys.map((key) => {
    const row = usage.get(key.id);
    return {
      ...key,
      status: keyStatus(key),
      hasAllPermissions: API_KEY_PERMISSIONS.every((permission) => key.permissions.includes(permission)),
      requests: analytics ? (row?.requests ?? 0) : null,
      errors: analytics ? (row?.errors ?? 0) : null,
      share: analytics ? (row?.share ?? 0) : null,
    };
  });
}
