import type { AlertEventDto } from '../alerts/dto/alert.dto';
import type { TodayUsageDto } from '../analytics/dto/analytics.dto';
import type { LoggedRequestDto } from '../analytics/request-explorer/request-explorer.dto';
import type { JobUpdateDto } from '../search/dto/search-response.dto';

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

export interface SocketData {
  userId?: number;
}

/** Every authenticated socket of a user joins this room (analytics updates). */
export function userRoom(userId: number): string {
  return `user:${userId}`;
}

/** Sockets of a user that asked for the live tail of their requests with `subscribe_requests`. */
export function requestsRoom(userId: number): string {
  return `user:${userId}:requests`;
}

/** Sockets of a user that asked for job updates with `subscribe_jobs`. */
export function jobsRoom(userId: number): string {
  return `user:${userId}:jobs`;
}
