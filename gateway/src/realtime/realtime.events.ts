import type { AlertEventDto } from '../alerts/dto/alert.dto';
import type { TodayUsageDto } from '../analytics/dto/analytics.dto';
import type { LoggedRequestDto } from '../analytics/request-explorer/request-explorer.dto';
import type { Permission } from '../auth/authenticated-user';
import type { JobUpdateDto } from '../search/dto/search-response.dto';

/** The acknowledgement of a subscription; `error` says why it was refused. */
export interface SubscriptionAck {
  subscribed: boolean;
  error?: string;
}

/** What a dashboard socket may send. */
export interface ClientToServerEvents {
  authenticate: (payload: { token?: unknown }) => void;
  subscribe_jobs: () => void;
  unsubscribe_jobs: () => void;
  subscribe_requests: () => void;
  unsubscribe_requests: () => void;
}

/** What the gateway sends; every event goes to the owner's rooms only. */
export interface ServerToClientEvents {
  authenticated: (payload: { user_id: number }) => void;
  auth_error: (payload: { error: string }) => void;
  job_update: (payload: JobUpdateDto) => void;
  analytics_update: (payload: TodayUsageDto) => void;
  /** The request explorer's live tail; `dropped` counts the requests of the batch left out. */
  request_log: (payload: { requests: LoggedRequestDto[]; dropped: number }) => void;
  /** An alert rule of the user starting or stopping to fire. */
  alert: (payload: AlertEventDto) => void;
}

export type InterServerEvents = Record<string, never>;

/** Who a socket authenticated as, and with what credential; unset until it has. */
export interface SocketData {
  userId?: number;
  permissions?: readonly Permission[];
  /** The API key the socket authenticated with; null for a JWT. */
  apiKeyId?: string | null;
}

/** Sockets of a user whose credential may read analytics: `analytics_update` and `alert`. */
export function analyticsRoom(userId: number): string {
  return `user:${userId}:analytics`;
}

/** This gateway's sockets authenticated with an API key, so that its revocation ends them at once. */
export function apiKeyRoom(apiKeyId: string): string {
  return `api-key:${apiKeyId}`;
}

/** Sockets of a user that asked for the live tail of their requests with `subscribe_requests`. */
export function requestsRoom(userId: number): string {
  return `user:${userId}:requests`;
}

/** Sockets of a user that asked for job updates with `subscribe_jobs`. */
export function jobsRoom(userId: number): string {
  return `user:${userId}:jobs`;
}

/** A room of one user's events, and the permission a credential needs for them: what the same data needs over REST. */
export interface UserRoom {
  name: (userId: number) => string;
  permission: Permission;
}

export const ANALYTICS_ROOM: UserRoom = { name: analyticsRoom, permission: 'analytics:read' };
export const REQUESTS_ROOM: UserRoom = { name: requestsRoom, permission: 'analytics:read' };
export const JOBS_ROOM: UserRoom = { name: jobsRoom, permission: 'search' };

/** The rooms a socket may be in with its credential: its own user's, as far as its permissions reach. */
export function roomsAllowed({ userId, permissions = [], apiKeyId }: SocketData): Set<string> {
  const rooms = new Set<string>();
  if (userId === undefined) {
    return rooms;
  }
  for (const room of [ANALYTICS_ROOM, REQUESTS_ROOM, JOBS_ROOM]) {
    if (permissions.includes(room.permission)) {
      rooms.add(room.name(userId));
    }
  }
  if (apiKeyId) {
    rooms.add(apiKeyRoom(apiKeyId));
  }
  return rooms;
}
