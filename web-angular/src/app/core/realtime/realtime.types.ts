import type { AlertEventDto, LoggedRequestDto } from '@video-search/sdk/angular';
import { JobStatus } from '../api/api.types';

/** `socket` when live events flow; `polling` while the socket is down or not yet authenticated. */
export type LiveMode = 'connecting' | 'socket' | 'polling';

export interface JobUpdate {
  job_id: string;
  status: JobStatus;
  result_count: number | null;
  duration_ms: number | null;
  error: string | null;
  query: string;
  algorithm: string;
  occurred_at: string;
}

export interface AnalyticsUpdate {
  user_id: number;
  requests_today?: number;
  [metric: string]: unknown;
}

/** One flush of the request log; `dropped` requests of it were left out of the tail. */
export interface RequestLogBatch {
  requests: LoggedRequestDto[];
  dropped: number;
}

export type AlertUpdate = AlertEventDto;

/** The part of a socket.io client this app uses, so tests can hand in a fake. */
export interface RealtimeSocket {
  on(event: string, listener: (payload: never) => void): unknown;
  emit(event: string, payload?: unknown): unknown;
  disconnect(): unknown;
}
