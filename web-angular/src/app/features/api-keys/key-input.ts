import { API_KEY_PERMISSIONS, ApiKeyPermission } from '../../core/api/api.types';

/** What each permission lets a key do, as the create form and the table explain it. */
export const PERMISSION_HINTS: Record<ApiKeyPermission, string> = {
  search: 'run searches and read their jobs',
  'videos:read': 'list and read videos',
  'videos:write': 'create, change and delete videos',
  'analytics:read': 'read usage, quota and search analytics',
  'keys:manage': 'create and revoke keys and search tokens',
};

/** The permissions to send: none (the API's default, every permission) when all are ticked. */
export function chosenPermissions(ticked: Record<ApiKeyPermission, boolean>): ApiKeyPermission[] | undefined {
  const chosen = API_KEY_PERMISSIONS.filter((permission) => ticked[permission]);
  return chosen.length === API_KEY_PERMISSIONS.length ? undefined : chosen;
}

/** A `YYYY-MM-DD` expiry day as the instant the key stops working: the end of that day, local time. */
export function endOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59, 999).toISOString();
}

/** Today as `YYYY-MM-DD` in local time, the earliest day a new key may expire. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
