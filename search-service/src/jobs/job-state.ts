/** Job states as stored and as the REST contract spells them. */
export type JobState = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

export const JOB_STATES: readonly JobState[] = ['queued', 'processing', 'completed', 'failed', 'cancelled'];

/**
 * Every change a job can go through. Each is applied with a conditional UPDATE whose WHERE clause lists
 * `from`, so concurrent actors (workers, cancel, retry, other replicas) can never apply a refused transition.
 */
export type JobTransition = 'claim' | 'complete' | 'fail' | 'cancel' | 'retry' | 'recover';

const TRANSITIONS: Record<JobTransition, { from: readonly JobState[]; to: JobState }> = {
  claim: { from: ['queued'], to: 'processing' },
  complete: { from: ['processing'], to: 'completed' },
  fail: { from: ['processing'], to: 'failed' },
  cancel: { from: ['queued', 'processing'], to: 'cancelled' },
  retry: { from: ['failed', 'cancelled'], to: 'queued' },
  recover: { from: ['processing'], to: 'queued' },
};

export function sourceStates(transition: JobTransition): readonly JobState[] {
  return TRANSITIONS[transition].from;
}

export function targetState(transition: JobTransition): JobState {
  return TRANSITIONS[transition].to;
}

export function canApply(transition: JobTransition, current: JobState): boolean {
  return TRANSITIONS[transition].from.includes(current);
}

export function isFinished(state: JobState): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled';
}
