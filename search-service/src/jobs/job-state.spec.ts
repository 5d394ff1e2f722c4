import { canApply, isFinished, JOB_STATES, JobState, JobTransition, sourceStates, targetState } from './job-state';

const ALLOWED: Record<JobTransition, { from: JobState[]; to: JobState }> = {
  claim: { from: ['queued'], to: 'processing' },
  complete: { from: ['processing'], to: 'completed' },
  fail: { from: ['processing'], to: 'failed' },
  cancel: { from: ['queued', 'processing'], to: 'cancelled' },
  retry: { from: ['failed', 'cancelled'], to: 'queued' },
  recover: { from: ['processing'], to: 'queued' },
};

const cases = (Object.keys(ALLOWED) as JobTransition[]).flatMap((transition) =>
  JOB_STATES.map((state) => [transition, state, ALLOWED[transition].from.includes(state)] as const),
);

describe('job state machine', () => {
  it.each(cases)('%s from %s allowed: %s', (transition, state, allowed) => {
    expect(canApply(transition, state)).toBe(allowed);
  });

  it.each(Object.entries(ALLOWED))('%s leads to its target state', (transition, { from, to }) => {
    expect(targetState(transition as JobTransition)).toBe(to);
    expect([...sourceStates(transition as JobTransition)].sort()).toEqual([...from].sort());
  });

  it('never leaves completed', () => {
    expect((Object.keys(ALLOWED) as JobTransition[]).filter((transition) => canApply(transition, 'completed'))).toEqual(
      [],
    );
  });

  it('calls completed, failed and cancelled finished', () => {
    expect(JOB_STATES.filter(isFinished)).toEqual(['completed', 'failed', 'cancelled']);
  });
});
