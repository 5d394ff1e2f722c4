import { BehaviorSubject } from 'rxjs';
import { JobTransitionTracker, pollWhileOffline } from './live-fallback';
import { LiveMode } from './realtime.types';

describe('pollWhileOffline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls while the socket is down and stops while it is live', () => {
    const mode = new BehaviorSubject<LiveMode>('polling');
    let ticks = 0;
    const subscription = pollWhileOffline(mode, 1000).subscribe(() => ticks++);

    vi.advanceTimersByTime(3000);
    expect(ticks).toBe(3);

    mode.next('socket');
    vi.advanceTimersByTime(5000);
    expect(ticks).toBe(3);

    mode.next('polling');
    vi.advanceTimersByTime(2000);
    expect(ticks).toBe(5);
    subscription.unsubscribe();
  });

  it('treats a connecting socket as not live yet', () => {
    const mode = new BehaviorSubject<LiveMode>('connecting');
    let ticks = 0;
    const subscription = pollWhileOffline(mode, 500).subscribe(() => ticks++);
    vi.advanceTimersByTime(1000);
    expect(ticks).toBe(2);
    subscription.unsubscribe();
  });
});

describe('JobTransitionTracker', () => {
  it('announces a polled job only when it moves from open to finished', () => {
    const tracker = new JobTransitionTracker();
    expect(tracker.observe([{ job_id: 'a', query: 'q', status: 'completed' }])).toEqual([]);
    expect(tracker.observe([{ job_id: 'b', query: 'q', status: 'processing' }])).toEqual([]);
    expect(tracker.observe([{ job_id: 'b', query: 'q', status: 'failed' }])).toEqual([
      { job_id: 'b', query: 'q', status: 'failed' },
    ]);
    expect(tracker.observe([{ job_id: 'b', query: 'q', status: 'failed' }])).toEqual([]);
  });

  it('announces a pushed update for an unseen job, but never twice', () => {
    const tracker = new JobTransitionTracker();
    expect(tracker.observe([{ job_id: 'c', query: 'q', status: 'completed' }], true)).toHaveLength(1);
    expect(tracker.observe([{ job_id: 'c', query: 'q', status: 'completed' }])).toEqual([]);
  });
});
