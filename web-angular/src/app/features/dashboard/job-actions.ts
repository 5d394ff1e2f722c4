import { JobStatus } from '../../core/api/api.types';

/** Which operations the gateway accepts for a job in a given state (others answer 409). */
export function canRetry(status: JobStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

export function canCancel(status: JobStatus): boolean {
  return status === 'queued' || status === 'processing';
}

/** A replay asks a finished job's question again; one still queued or running has no answer to set beside it. */
export function canReplay(status: JobStatus): boolean {
  return !canCancel(status);
}
