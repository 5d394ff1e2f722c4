import { JobStatus } from '../../core/api/api.types';

/** Which operations the gateway accepts for a job in a given state (others answer 409). */
export function canRetry(status: JobStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

export function canCancel(status: JobStatus): boolean {
  return status === 'queued' || status === 'processing';
}
