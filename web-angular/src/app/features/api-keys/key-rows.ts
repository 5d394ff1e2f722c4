import { ApiKey, ApiKeyAnalytics } from '../../core/api/api.types';

export interface KeyRow extends ApiKey {
  /** null when analytics could not be read, so the table says "unknown" rather than 0. */
  requests: number | null;
  errors: number | null;
  share: number | null;
}

/** Joins the key list with its usage numbers; keys missing from analytics have made no requests. */
export function toKeyRows(keys: ApiKey[], analytics: ApiKeyAnalytics | null): KeyRow[] {
  const usage = new Map((analytics?.api_keys ?? []).map((row) => [row.id, row]));
  return keys.map((key) => {
    const row = usage.get(key.id);
    return {
      ...key,
      requests: analytics ? (row?.requests ?? 0) : null,
      errors: analytics ? (row?.errors ?? 0) : null,
      share: analytics ? (row?.share ?? 0) : null,
    };
  });
}
